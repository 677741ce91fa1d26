package dev.lambdanotes.local;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The web app's files, served for the paths that no API route has, with the security headers
 * that the CloudFront response headers policy of template.yaml adds in AWS (all but
 * Strict-Transport-Security, which a browser ignores over plain HTTP).
 */
public final class StaticFiles {
    /** The app's Content-Security-Policy; template.yaml carries the same, and a test keeps them equal. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; style-src 'self'; font-src 'self'; manifest-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'; "
            + "require-trusted-types-for 'script'; trusted-types dompurify";

    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final Path root;

    /** Serves the files under root (its subdirectories too; nothing outside it, not through a link either). */
    public StaticFiles(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /**
     * The response for a GET or HEAD of a file of the app ("/" is index.html), or null when the
     * path names none: then the gateway answers as API Gateway does for an unknown route.
     */
    GatewayResponse serve(String method, String rawPath) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return null;
        }
        Path file = resolve(rawPath.equals("/") ? "/index.html" : rawPath);
        if (file == null) {
            return null;
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", mediaType(file.getFileName().toString())));
        // Revalidated on every load: the app is rebuilt under a running ./run-local.
        headers.add(Map.entry("Cache-Control", "no-cache"));
        headers.add(Map.entry("Content-Security-Policy", CONTENT_SECURITY_POLICY));
        headers.add(Map.entry("X-Content-Type-Options", "nosniff"));
        headers.add(Map.entry("X-Frame-Options", "DENY"));
        headers.add(Map.entry("Referrer-Policy", "no-referrer"));
        return new GatewayResponse(200, headers, body);
    }

    /** A regular file under the root, or null: no dot segments, hidden names, empty segments or links out. */
    private Path resolve(String rawPath) {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            return null;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return null;
            }
        }
        try {
            Path file = root.resolve(String.join("/", segments)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return null;
            }
            Path real = file.toRealPath();
            return real.startsWith(root) ? real : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String mediaType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
