package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Right after the local runtime starts, with no instance running, bursts of 16 requests from 8
 * concurrent clients reach each function: every one is answered by the function, none with the
 * gateway's 502 or 504. (How long the slowest takes is a benchmark figure: bench/cold-start.)
 */
class BurstLocalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void burstsOf16RequestsFrom8Clients_areAllAnsweredByTheFunctions_rightAfterStart() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("local_burst");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (LocalRuntime runtime = new LocalRuntime(ProjectSettings.builder(database)
                .envVars(JSON.readTree("{\"Parameters\":{\"REGISTRATION_THROTTLE_FREE_ATTEMPTS\":\"1000\"}}"))
                .maxInstances(3)
                .idleTimeout(Duration.ofMinutes(5))
                .log(new PrintStream(log, true, StandardCharsets.UTF_8))
                .build())) {
            runtime.runDeployTimeFunctions();
            String base = "http://127.0.0.1:" + runtime.startApi(0);
            AtomicInteger users = new AtomicInteger();

            List<Integer> registrations = burst(i -> post(base + "/register",
                    "{\"username\":\"burst" + users.incrementAndGet() + "\",\"password\":\"" + PASSWORD + "\"}", null));
            assertThat(registrations).as(log::toString).containsOnly(201);

            List<Integer> logins = burst(i -> post(base + "/login",
                    "{\"username\":\"burst" + (i + 1) + "\",\"password\":\"" + PASSWORD + "\"}", null));
            assertThat(logins).as(log::toString).containsOnly(200);

            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"burst1\",\"password\":\"" + PASSWORD + "\"}")));
            String token = JSON.readTree(login.body()).path("token").asText();

            List<Integer> lists = burst(i -> get(base + "/notes", token));
            assertThat(lists).as(log::toString).containsOnly(200);

            List<Integer> accounts = burst(i -> get(base + "/me", token));
            assertThat(accounts).as(log::toString).containsOnly(200);
        }
    }

    private interface Call {
        int send(int index) throws Exception;
    }

    /** 16 requests from 8 clients at once; the statuses, in order. */
    private static List<Integer> burst(Call call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int index = i;
                answers.add(clients.submit(() -> call.send(index)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            clients.shutdownNow();
        }
    }

    private static int post(String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return send(request).statusCode();
    }

    private static int get(String url, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("authorization", "Bearer " + token).GET()).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
