package dev.lambdanotes.testing.fuzz;

import dev.lambdanotes.testing.fuzz.World.NoteRef;
import dev.lambdanotes.testing.fuzz.World.TokenRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The generators of hostile requests for every function: mostly broken or malicious, mixed with
 * valid ones carrying valid tokens so that the deep paths (the database, hashing, versions) are
 * reached too. The proportions are the weights below (the fuzz properties print the statuses they
 * got); a failing request shrinks towards fewer and plainer edits of its sample event.
 */
public final class HostileRequests {
    private static final int MAX_BODY_BYTES = ApiOracle.MAX_BODY_BYTES;

    private HostileRequests() {
    }

    // ---- requests, one generator per function ----

    /** POST /register: the body is what varies most; about a quarter reach the database (a new account or a taken name). */
    public static Arbitrary<FuzzRequest> register() {
        return onceBuilt(request("register.json", Arbitraries.just(Edit.none()), contentTypes(),
                jsonBodies("username", usernames(), "password", passwords())));
    }

    /** POST /login with bodies close to the accounts' credentials, and POST /logout with live, revoked and broken tokens. */
    public static Arbitrary<FuzzRequest> sessions() {
        Arbitrary<FuzzRequest> login = request("login.json", Arbitraries.just(Edit.none()), contentTypes(),
                jsonBodies("username", loginUsernames(), "password", loginPasswords()));
        Arbitrary<FuzzRequest> logout = request("logout.json", authorization(TokenRef.ANY_LIVE, 6),
                Arbitraries.just(Edit.none()), sometimes(bodies(anyJson())));
        return onceBuilt(weighted(Tuple.of(6, login), Tuple.of(4, logout)));
    }

    /** Every /notes route, most with the own token so that bodies, ids, versions and cursors are looked at. */
    public static Arbitrary<FuzzRequest> notes() {
        Arbitrary<Edit> auth = authorization(TokenRef.OWN, 40);
        Arbitrary<Edit> noteBody = jsonBodies("title", titles(), "body", noteBodies());
        Arbitrary<FuzzRequest> list = request("notes-list.json", auth, listQueries(), sometimes(bodies(anyJson())));
        Arbitrary<FuzzRequest> create = request("notes-create.json", auth, contentTypes(), noteBody);
        Arbitrary<FuzzRequest> get = request("notes-get.json", auth, noteTargets(), sometimes(bodies(anyJson())));
        Arbitrary<FuzzRequest> update = Combinators.combine(auth, noteTargets(), ifMatches(), contentTypes(), noteBody,
                extras()).as((a, target, ifMatch, type, body, extra) -> requestOf("notes-update.json",
                List.of(a, target, ifMatch, type, body), extra));
        Arbitrary<FuzzRequest> delete = request("notes-delete.json", auth, noteTargets(), sometimes(bodies(anyJson())));
        return onceBuilt(weighted(Tuple.of(20, list), Tuple.of(30, create), Tuple.of(15, get),
                Tuple.of(25, update), Tuple.of(10, delete)));
    }

    private static <T> Arbitrary<T> onceBuilt(Arbitrary<T> arbitrary) {
        return OnceBuilt.of(arbitrary);
    }

    /** Arbitraries.frequencyOf, whose choices are looked up by hash code each time one is picked: built once here. */
    @SafeVarargs
    private static <T> Arbitrary<T> weighted(Tuple.Tuple2<Integer, Arbitrary<? extends T>>... choices) {
        List<Tuple.Tuple2<Integer, Arbitrary<T>>> built = new ArrayList<>();
        for (Tuple.Tuple2<Integer, Arbitrary<? extends T>> choice : choices) {
            built.add(Tuple.of(choice.get1(), OnceBuilt.of(choice.get2())));
        }
        return Arbitraries.frequencyOf(built);
    }

    private static Arbitrary<FuzzRequest> request(String sample, Arbitrary<Edit> first, Arbitrary<Edit> second,
                                                  Arbitrary<Edit> third) {
        return Combinators.combine(first, second, third, extras())
                .as((a, b, c, extra) -> requestOf(sample, List.of(a, b, c), extra));
    }

    private static FuzzRequest requestOf(String sample, List<Edit> edits, List<Edit> extra) {
        List<Edit> all = new ArrayList<>(edits);
        all.addAll(extra);
        return new FuzzRequest(sample, all);
    }

    /** What any request may carry besides: odd headers, odd routing. */
    private static Arbitrary<List<Edit>> extras() {
        Arbitrary<List<Edit>> headers = oddHeaders().list().ofMinSize(1).ofMaxSize(3);
        return weighted(
                Tuple.of(70, Arbitraries.just(List.of())),
                Tuple.of(18, headers),
                Tuple.of(12, oddRouting()));
    }

    private static Arbitrary<Edit> sometimes(Arbitrary<Edit> edit) {
        return weighted(Tuple.of(4, Arbitraries.just(Edit.none())), Tuple.of(1, edit));
    }

    // ---- bodies ----

    /** A body of the given JSON texts in every way API Gateway can hand one over, and then some. */
    private static Arbitrary<Edit> bodies(Arbitrary<String> json) {
        return weighted(
                Tuple.of(140, json.map(Body::text)),
                Tuple.of(30, json.map(Body::utf8Base64)),
                Tuple.of(8, json.map(HostileRequests::otherEncoding)),
                Tuple.of(8, notBase64()),
                Tuple.of(4, Arbitraries.of(Body.absent(), Body.text(""), Body.utf8Base64(""))),
                // Rare: one costs as much as a few hundred small requests.
                Tuple.of(1, hugeBodies(json))
        ).map(Edit.SetBody::new);
    }

    /**
     * As above, and also a valid object of these members with bytes that are not UTF-8 inside a value:
     * base64-encoded, and as the strings a gateway that decoded them naively would send instead
     * (each byte as a Latin-1 character, or each bad sequence as U+FFFD), which are valid text.
     */
    private static Arbitrary<Edit> bodies(Arbitrary<String> json, String a, Arbitrary<String> goodA, String b,
                                          Arbitrary<String> goodB) {
        Arbitrary<byte[]> notUtf8 = Combinators.combine(goodA, goodB, Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 64), invalidUtf8())
                .as((valueA, valueB, inA, position, bad) -> withBytesInValue(a, valueA, b, valueB, inA, position, bad));
        Arbitrary<Body> sent = weighted(
                Tuple.of(8, notUtf8.map(Body::base64)),
                Tuple.of(2, notUtf8.map(bytes -> Body.text(new String(bytes, StandardCharsets.ISO_8859_1)))),
                Tuple.of(2, notUtf8.map(bytes -> Body.text(new String(bytes, StandardCharsets.UTF_8)))));
        return weighted(Tuple.of(88, bodies(json)), Tuple.of(12, sent.map(Edit.SetBody::new)));
    }

    /** Bodies for two string members: valid ones, hostile values, wrong types, duplicates, broken syntax. */
    private static Arbitrary<Edit> jsonBodies(String a, Arbitrary<String> goodA, String b, Arbitrary<String> goodB) {
        return bodies(jsonTexts(a, goodA, b, goodB), a, goodA, b, goodB);
    }

    static Arbitrary<String> jsonTexts(String a, Arbitrary<String> goodA, String b, Arbitrary<String> goodB) {
        Arbitrary<String> valid = Combinators.combine(goodA, goodB).as((va, vb) -> object(member(a, quote(va)),
                member(b, quote(vb))));
        Arbitrary<String> hostile = Combinators.combine(members(a, goodA), members(b, goodB),
                        extraMembers(a, b), Arbitraries.of(true, false))
                .as((ma, mb, extra, flip) -> {
                    List<String> members = new ArrayList<>();
                    if (!ma.isEmpty()) {
                        members.add(ma);
                    }
                    if (!mb.isEmpty()) {
                        members.add(flip ? 0 : members.size(), mb);
                    }
                    members.addAll(extra);
                    return object(members.toArray(String[]::new));
                });
        return weighted(
                Tuple.of(40, valid),
                Tuple.of(30, hostile),
                Tuple.of(12, mutated(valid)),
                Tuple.of(6, notObjects()),
                Tuple.of(6, deepNesting(a)),
                Tuple.of(6, Combinators.combine(goodA, hugeNumbers()).as((va, n) -> object(member(a, quote(va)),
                        member(b, n)))));
    }

    /** Any JSON-ish text, for routes that take no body (and must ignore one). */
    private static Arbitrary<String> anyJson() {
        return jsonTexts("title", hostileStrings(), "body", hostileStrings());
    }

    private static Arbitrary<String> members(String name, Arbitrary<String> good) {
        return weighted(
                Tuple.of(8, good.map(v -> member(name, quote(v)))),
                Tuple.of(3, good.map(v -> member(name, quoteEscaped(v)))),
                Tuple.of(5, hostileStrings().map(v -> member(name, quote(v)))),
                Tuple.of(3, hostileStrings().map(v -> member(name, quoteEscaped(v)))),
                Tuple.of(3, wrongTypes().map(v -> member(name, v))),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.just(member(name, "null"))));
    }

    /** Unknown members, and a second one of the same name (which must be refused, not half-read). */
    private static Arbitrary<List<String>> extraMembers(String a, String b) {
        Arbitrary<String> extra = weighted(
                Tuple.of(2, Combinators.combine(Arbitraries.of(a, b, a.toUpperCase(Locale.ROOT), "", "\u0000", "__proto__",
                        "constructor", a + "\u0000"), wrongTypes()).as(HostileRequests::member)),
                Tuple.of(3, Combinators.combine(Arbitraries.of(a, b), hostileStrings()).as((n, v) -> member(n, quote(v)))));
        return weighted(Tuple.of(6, Arbitraries.just(List.<String>of())),
                Tuple.of(1, extra.list().ofMinSize(1).ofMaxSize(3)));
    }

    private static Arbitrary<String> wrongTypes() {
        return weighted(
                Tuple.of(4, Arbitraries.of("null", "true", "false", "0", "-0", "1.5", "[]", "{}", "[\"a\"]",
                        "{\"a\":\"b\"}", "[null]", "\"\"")),
                Tuple.of(2, hugeNumbers()),
                Tuple.of(1, Arbitraries.integers().between(2, 3000).map(d -> "[".repeat(d) + "]".repeat(d))));
    }

    private static Arbitrary<String> hugeNumbers() {
        return weighted(
                Tuple.of(3, Arbitraries.of("1e999999999", "-1e-999999999", "1E+2147483648", "1e-2147483649",
                        "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616",
                        "0.00000000000000000000000000000000000001", "1.7976931348623157e309", "4.9e-325",
                        "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5", "+1", "1e", "--1", "1_000")),
                Tuple.of(1, Arbitraries.integers().between(900, 5_000).map("9"::repeat)),
                Tuple.of(1, Arbitraries.integers().between(900, 5_000).map(n -> "0." + "0".repeat(n) + "1")),
                Tuple.of(1, Arbitraries.integers().between(1, 5000).map(n -> "1" + "0".repeat(n) + "e-" + n)));
    }

    /** Thousands of levels of arrays or objects, as the whole body or as a member, closed or not. */
    private static Arbitrary<String> deepNesting(String member) {
        return Combinators.combine(Arbitraries.integers().between(500, 8_000), Arbitraries.integers().between(0, 4))
                .as((depth, shape) -> switch (shape) {
                    case 0 -> "[".repeat(depth) + "]".repeat(depth);
                    case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                    case 2 -> object(member(member, "[".repeat(depth) + "]".repeat(depth)));
                    case 3 -> "[{\"a\":".repeat(depth) + "0" + "}]".repeat(depth);
                    default -> "[".repeat(depth);
                });
    }

    private static Arbitrary<String> notObjects() {
        return Arbitraries.of("", " ", "null", "[]", "\"x\"", "42", "true", "{", "}", "{}", "{\"a\":1}{}", "{}x",
                "{} {}", "\uFEFF{}", "//c\n{}", "/*c*/{}", "{'a':'b'}", "{a:\"b\"}", "[{}]", "{\"a\":\"b\",}", "{,}",
                "{\"a\" \"b\"}", "\u0000", "{\"a\":\"b\"}\u0000", "{\"a\":\"\u0001\"}", "{\"a\":\"\\x41\"}",
                "{\"a\":\"\\u12\"}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"", "\"\\ud800\"");
    }

    /** Valid text with characters deleted, inserted, replaced, or cut short. */
    private static Arbitrary<String> mutated(Arbitrary<String> valid) {
        Arbitrary<char[]> changes = Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 10_000),
                        weighted(Tuple.of(2, Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '\\', ' ', 'u')),
                                Tuple.of(1, Arbitraries.chars().all())))
                .as((op, position, c) -> new char[] {(char) (int) op, (char) (int) position, c});
        return Combinators.combine(valid, changes.list().ofMinSize(1).ofMaxSize(4)).as((text, list) -> {
            StringBuilder s = new StringBuilder(text);
            for (char[] change : list) {
                int position = s.length() == 0 ? 0 : change[1] % (s.length() + 1);
                switch (change[0]) {
                    case 0 -> s.insert(position, change[2]);
                    case 1 -> {
                        if (position < s.length()) {
                            s.deleteCharAt(position);
                        }
                    }
                    case 2 -> {
                        if (position < s.length()) {
                            s.setCharAt(position, change[2]);
                        }
                    }
                    default -> s.setLength(position);
                }
            }
            return s.toString();
        });
    }

    /** Bodies over (and right at) the 1 MiB limit: padded valid JSON, one long value, many multibyte characters. */
    private static Arbitrary<Body> hugeBodies(Arbitrary<String> json) {
        return Combinators.combine(json, Arbitraries.of(-1, 0, 1, 2, 4096, 600_000), Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false)).as((text, over, shape, base64) -> {
            String body = switch (shape) {
                case 0 -> {
                    int pad = MAX_BODY_BYTES + over - text.getBytes(StandardCharsets.UTF_8).length;
                    yield pad > 0 ? text + " ".repeat(pad) : text;
                }
                case 1 -> "{\"title\":\"" + "a".repeat(MAX_BODY_BYTES + over) + "\",\"body\":\"\"}";
                case 2 -> "{\"title\":\"t\",\"body\":\"" + "\u00e9".repeat(MAX_BODY_BYTES / 2 + over) + "\"}";
                default -> "[".repeat(MAX_BODY_BYTES + over);
            };
            return base64 ? Body.utf8Base64(body) : Body.text(body);
        });
    }

    /** The JSON in another encoding than UTF-8: UTF-16 or UTF-32 (which some parsers detect and accept), Latin-1. */
    private static Body otherEncoding(String json) {
        Charset[] charsets = {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16,
                Charset.forName("UTF-32"), Charset.forName("UTF-32LE"), StandardCharsets.ISO_8859_1};
        return Body.base64(json.getBytes(charsets[Math.floorMod(json.hashCode(), charsets.length)]));
    }

    /** Strings marked as base64 that are not, or not quite, or far too long to be decoded. */
    private static Arbitrary<Body> notBase64() {
        return weighted(
                Tuple.of(30, Arbitraries.of("!!!", "Y", "YQ=", "YQ==YQ==", "====", "e30===", "e3 0=", "e3\n0=",
                        "e30-", "e30_", "eyJ0aXRsZSI6ImEifQ\r\n", "\u00e9", "\uD800", "e30\u0000", "%7B%7D", "{}")),
                Tuple.of(20, Arbitraries.strings().withChars("ABCxyz019+/=-_ \n.%").ofMaxLength(40)),
                Tuple.of(1, Arbitraries.of(349_525, 349_526, 400_000).map("QUFB"::repeat)))
                .map(Body::flaggedAsBase64);
    }

    /** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, surrogates, beyond U+10FFFF, cut short. */
    public static Arbitrary<byte[]> invalidUtf8() {
        Arbitrary<byte[]> known = Arbitraries.of(
                bytes(0x80), bytes(0xBF), bytes(0xC0, 0x80), bytes(0xC1, 0xBF), bytes(0xE0, 0x80, 0x80),
                bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80),
                bytes(0xF0, 0x80, 0x80, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80, 0x80),
                bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xFE), bytes(0xFF), bytes(0xC3), bytes(0xE2, 0x82),
                bytes(0xF0, 0x9F, 0x98), bytes(0xC3, 0x28), bytes(0xE2, 0x28, 0xA1), bytes(0xE9));
        Arbitrary<byte[]> random = Arbitraries.integers().between(0x80, 0xFF).list().ofMinSize(1).ofMaxSize(4)
                .map(values -> bytes(values.stream().mapToInt(Integer::intValue).toArray()));
        return weighted(Tuple.of(3, known), Tuple.of(1, random));
    }

    /** The object {a: valueA, b: valueB} in UTF-8, with the bad bytes at a position inside one of the two values. */
    static byte[] withBytesInValue(String a, String valueA, String b, String valueB, boolean inA, int position,
                                   byte[] bad) {
        String marker = "\uE000";
        String target = inA ? valueA : valueB;
        int at = Math.min(position, target.length());
        while (at > 0 && at < target.length() && Character.isLowSurrogate(target.charAt(at))) {
            at--;
        }
        String marked = target.substring(0, at) + marker + target.substring(at);
        String json = object(member(a, quote(inA ? marked : valueA)), member(b, quote(inA ? valueB : marked)));
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        byte[] markerBytes = marker.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < utf8.length; i++) {
            if (i + 2 < utf8.length && utf8[i] == markerBytes[0] && utf8[i + 1] == markerBytes[1]
                    && utf8[i + 2] == markerBytes[2]) {
                out.writeBytes(bad);
                i += 2;
            } else {
                out.write(utf8[i]);
            }
        }
        return out.toByteArray();
    }

    // ---- member values ----

    /** Mostly new valid usernames, some taken ones in other cases, and all that the rules refuse. */
    static Arbitrary<String> usernames() {
        return weighted(
                Tuple.of(6, Arbitraries.strings().alpha().numeric().withChars("._-").ofMinLength(3).ofMaxLength(24)),
                Tuple.of(2, Arbitraries.of(FuzzedApp.USERNAME, "FUZZER", "Fuzzer", FuzzedApp.OTHER_USERNAME, "abc", "ABC",
                        "a.b", "a_b", "a-b", "...", "---")),
                Tuple.of(1, Arbitraries.of("a".repeat(80), "b".repeat(81), "ab", "a b", "\u00e4dmin", "adm\u0000in",
                        "admin\uD800", "admin\n", " admin", "admin ", "\uFF41dmin", "x".repeat(10_000), "")));
    }

    static Arbitrary<String> passwords() {
        return weighted(
                Tuple.of(5, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(8).ofMaxLength(40)),
                Tuple.of(2, Arbitraries.just(FuzzedApp.PASSWORD)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0080', '\uD7FF').ofMinLength(8).ofMaxLength(20)),
                Tuple.of(1, Arbitraries.of(7, 8, 1023, 1024, 1025).map("\uD83D\uDE00"::repeat)),
                Tuple.of(1, Arbitraries.of(7, 8, 1024, 1025).map("p"::repeat)),
                Tuple.of(1, withUnpairedSurrogate(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(8)
                        .ofMaxLength(16))));
    }

    /** Usernames of the seeded accounts in several cases, and unknown ones. */
    static Arbitrary<String> loginUsernames() {
        return weighted(
                Tuple.of(8, Arbitraries.of(FuzzedApp.USERNAME, "FUZZER", "Fuzzer", FuzzedApp.OTHER_USERNAME)),
                Tuple.of(2, usernames()));
    }

    /** The accounts' password, near misses of it, and others. */
    static Arbitrary<String> loginPasswords() {
        String p = FuzzedApp.PASSWORD;
        return weighted(
                Tuple.of(8, Arbitraries.just(p)),
                Tuple.of(3, Arbitraries.of(p.replace('?', '\uD800'), p.replace('?', '\uDC00'), p.replace("?", "\uDBFF"),
                        p + " ", " " + p, p.toUpperCase(Locale.ROOT), p.substring(1), p + "\u0000", "\uFEFF" + p,
                        p.replace('?', '\uFFFD'), p.replace("?", "\u00BF"), p.substring(0, p.length() - 1))),
                Tuple.of(2, passwords()));
    }

    static Arbitrary<String> titles() {
        return weighted(
                Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(30)
                        .filter(s -> !s.isBlank())),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u00a1', '\ud7ff').ofMinLength(1).ofMaxLength(30)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(199, 200, 201), Arbitraries.of("t", "\uD83D\uDE00", "\u00e9"))
                        .as((n, unit) -> unit.repeat(n))),
                Tuple.of(1, Arbitraries.of("\uFFFD", "\uFEFFtitle", "\u00a0", "\u2003", "e\u0301", "\uDBFF\uDFFF", "?")));
    }

    static Arbitrary<String> noteBodies() {
        return weighted(
                Tuple.of(150, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80)),
                Tuple.of(50, Arbitraries.strings().withCharRange('\u0001', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                        .ofMaxLength(40)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(99_999, 100_000, 100_001), Arbitraries.of("b", "\uD83D\uDE00"))
                        .as((n, unit) -> unit.repeat(n))));
    }

    /** Strings that break naive code: NUL, unpaired surrogates, byte order marks, control and bidi characters, huge ones. */
    public static Arbitrary<String> hostileStrings() {
        return weighted(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(12)),
                Tuple.of(4, Arbitraries.of("", " ", "\t\n", "\u0000", "\uD800", "\uDFFF", "a\uD800", "\uDC00a",
                        "\uDFFF\uD800", "\uDBFF\uDFFF", "\uFFFD", "\uFEFF", "\uFFFF", "\u202Eevil", "\u2028", "\u0085",
                        "\uD83D\uDE00", "e\u0301", "\u00a0", "${jndi:ldap://x/a}", "<script>", "'; drop table notes; --",
                        "%00", "\\", "\"", "null", "{}", "\u001b[31m")),
                Tuple.of(2, withUnpairedSurrogate(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20))),
                Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20).map(s -> s + "\u0000" + s)),
                Tuple.of(1, Arbitraries.of(201, 1025, 10_000).map("x"::repeat)));
    }

    /** The strings with one UTF-16 surrogate that has no partner put somewhere in them. */
    public static Arbitrary<String> withUnpairedSurrogate(Arbitrary<String> strings) {
        return Combinators.combine(strings, Arbitraries.integers().between(0, 100),
                Arbitraries.chars().range('\uD800', '\uDFFF')).as((s, position, surrogate) -> {
            int at = Math.min(position, s.length());
            return s.substring(0, at) + surrogate + s.substring(at);
        });
    }

    // ---- headers ----

    /** The sample's application/json mostly, else none, valid variants, and malformed ones. */
    private static Arbitrary<Edit> contentTypes() {
        return weighted(
                Tuple.of(50, Arbitraries.just(Edit.none())),
                Tuple.of(8, Arbitraries.just(new Edit.RemoveHeader("content-type"))),
                Tuple.of(14, Arbitraries.of("application/json; charset=utf-8", "Application/JSON", "application/json;charset=UTF8",
                        "application/json; charset=\"utf-8\"", "application/problem+json", "application/vnd.api+json",
                        "application/json; foo", "application/json;", "application/json ; charset = utf-8 ",
                        "APPLICATION/JSON; CHARSET=UTF-8", "application/json; foo=\"a;b\"").map(t -> new Edit.Header("content-type", t))),
                Tuple.of(24, malformedContentTypes().map(t -> new Edit.Header("content-type", t))),
                Tuple.of(4, Combinators.combine(Arbitraries.of("Content-Type", "CONTENT-TYPE"),
                        Arbitraries.of("text/plain", ";", "application/json")).as(Edit.ExtraHeader::new)));
    }

    /** Content-Types that are not a JSON media type in UTF-8, or not a media type at all. */
    public static Arbitrary<String> malformedContentTypes() {
        return weighted(
                Tuple.of(4, Arbitraries.of(";", "/", "", " ", ";;", "; charset=utf-8", "=", "\"", ";application/json",
                        "application/json; charset=latin1", "application/json; charset=\"latin1\"",
                        "application/json; charset=iso-8859-1", "application/json; charset=utf-16",
                        "application/json; charset=", "application/json; charset", "application/json; =utf-8",
                        "application/json; charset=utf-8; charset=latin1", "application/json; foo=\"unterminated",
                        "application/json; charset=\"", "text/plain", "text/json", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=--x", "application/", "application/+json", "+json", "*/*",
                        "application/*", "json", "application/json\u0000", "application/json\r\nx-injected: 1",
                        "application/j\u0073\u00f6n", "application/json,text/plain", "\u00ff", "\uD800",
                        "a".repeat(10_000))),
                Tuple.of(2, Arbitraries.strings().withChars(";/=\" ,\t").withCharRange('a', 'z').ofMaxLength(30)),
                Tuple.of(2, Arbitraries.strings().withChars(";/=\" ").ofMaxLength(6)));
    }

    /** Mostly a valid token of the given kind; else a broken, missing, foreign, revoked or oversized one. */
    private static Arbitrary<Edit> authorization(TokenRef valid, int validWeight) {
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1_000_000);
        return weighted(
                Tuple.of(validWeight, picks.map(pick -> new Edit.Authorization("Bearer %s", valid, pick))),
                Tuple.of(3, Combinators.combine(Arbitraries.of("bearer %s", "BEARER %s", "Bearer  %s ", "  Bearer %s",
                        "Bearer\t%s", "Bearer %sx", "Bearer x%s", "Bearer %s, Bearer %s", "Basic %s", "%s", "Bearer",
                        "Bearer ", "Bearer %s\u0000", "Token %s", "Bearer \"%s\"", "Bearer %s=", "Bearer\u00a0%s"), picks)
                        .as((format, pick) -> new Edit.Authorization(format, valid, pick))),
                Tuple.of(2, picks.map(pick -> new Edit.Authorization("Bearer %s", TokenRef.OTHER_USER, pick))),
                Tuple.of(2, picks.map(pick -> new Edit.Authorization("Bearer %s", TokenRef.REVOKED, pick))),
                Tuple.of(2, Arbitraries.just(new Edit.RemoveHeader("authorization"))),
                Tuple.of(3, weighted(
                        Tuple.of(300, Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric()
                                .withChars("-_").ofLength(43)),
                        Tuple.of(100, Arbitraries.strings().all().ofMaxLength(60)),
                        Tuple.of(10, Arbitraries.of(44, 10_000).map("A"::repeat)),
                        Tuple.of(1, Arbitraries.just("A".repeat(1_000_000)))
                ).map(token -> new Edit.Header("authorization", "Bearer " + token))),
                Tuple.of(1, hostileStrings().map(value -> new Edit.Header("authorization", value))),
                Tuple.of(1, Arbitraries.just(new Edit.ExtraHeader("Authorization", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
    }

    private static Arbitrary<Edit> oddHeaders() {
        Arbitrary<String> names = weighted(
                Tuple.of(3, Arbitraries.of("", " ", "x-a", "X-A", "content-length", "transfer-encoding", "host",
                        "x-forwarded-for", "content-encoding", "accept", "if-match", "cookie", "x-\u0000", "x-\uD800",
                        "x-\u00e9", "x-amzn-trace-id", "Content-Length", "expect")),
                Tuple.of(1, Arbitraries.strings().alpha().withChars("-_").ofMinLength(1).ofMaxLength(20)),
                Tuple.of(1, Arbitraries.of(10_000).map("h"::repeat)));
        Arbitrary<String> values = weighted(
                Tuple.of(240, hostileStrings()),
                Tuple.of(120, Arbitraries.of("-1", "0", "99999999999999999999", "chunked", "gzip", "100-continue", "*")),
                Tuple.of(16, Arbitraries.of(8_192, 10_241).map("v"::repeat)),
                Tuple.of(1, Arbitraries.just("v".repeat(1_100_000))),
                Tuple.of(16, Arbitraries.just((String) null)));
        return weighted(
                Tuple.of(4, Combinators.combine(names, values).as(Edit.Header::new)),
                Tuple.of(1, Combinators.combine(names, values).as(Edit.ExtraHeader::new)),
                Tuple.of(1, Arbitraries.of("content-length", "host", "accept", "user-agent").map(Edit.RemoveHeader::new)));
    }

    // ---- routing ----

    /** Methods, paths and route keys that are odd, or belong to another function, or are missing. */
    private static Arbitrary<List<Edit>> oddRouting() {
        Arbitrary<Edit> methods = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
                "CONNECT", "post", "Post", "", " POST", "POST ", "P\u0000ST", "G\u00c9T", "\uD800", "X".repeat(10_000))
                .injectNull(0.05).map(Edit.Method::new);
        Arbitrary<Edit> paths = Arbitraries.of("/register", "/login", "/logout", "/notes", "/notes/", "//notes",
                "/notes/x/y", "/NOTES", "/register/", "/", "", "//", "/../register", "/notes/%2e%2e", "/notes?x=1",
                "/notes#f", "/notes/\u0000", "/\uD800", "/notes/\u00e9", "/" + "a".repeat(8_000), "/".repeat(2_000) + "x",
                "/notes" + "/".repeat(2_000) + "x", "notes", "/logout/x").injectNull(0.05).map(Edit.Path::new);
        Arbitrary<Edit> routeKeys = Arbitraries.of("$default", "POST /register", "POST /login", "POST /logout",
                "GET /notes", "POST /notes", "GET /notes/{id}", "PUT /notes/{id}", "DELETE /notes/{id}", "POST",
                "", " ", "POST /register extra", "ANY /{proxy+}", "POST /Register", "post /login", "GET  /notes",
                "\u0000").injectNull(0.1).map(Edit.RouteKey::new);
        Arbitrary<Edit> removals = Arbitraries.of("requestContext", "requestContext/http", "headers", "rawPath",
                "pathParameters", "queryStringParameters", "routeKey", "isBase64Encoded").map(Edit.Remove::new);
        Arbitrary<Edit> one = weighted(Tuple.of(3, methods), Tuple.of(3, paths), Tuple.of(2, routeKeys),
                Tuple.of(1, removals));
        return weighted(
                Tuple.of(1, one.list().ofMinSize(1).ofMaxSize(3)),
                // $default makes the function match the method and path itself.
                Tuple.of(1, Combinators.combine(methods, paths).as((m, p) -> List.of(new Edit.RouteKey("$default"), m, p))));
    }

    // ---- notes: ids, versions, listing ----

    private static Arbitrary<Edit> noteTargets() {
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1_000_000);
        return weighted(
                Tuple.of(60, picks.map(pick -> new Edit.NoteTarget(NoteRef.OWN, pick, "%s"))),
                Tuple.of(8, picks.map(pick -> new Edit.NoteTarget(NoteRef.OTHER_USERS, pick, "%s"))),
                Tuple.of(6, picks.map(pick -> new Edit.NoteTarget(NoteRef.DELETED, pick, "%s"))),
                Tuple.of(4, picks.map(pick -> new Edit.NoteTarget(NoteRef.UNKNOWN, pick, "%s"))),
                Tuple.of(6, Combinators.combine(Arbitraries.of("%s ", " %s", "{%s}", "%sx", "%s/extra", "%s%s", "%s\u0000",
                        "urn:uuid:%s"), picks).as((format, pick) -> new Edit.NoteTarget(NoteRef.OWN, pick, format))),
                Tuple.of(10, Arbitraries.of("", "not-a-uuid", "1-1-1-1-1", "00000000-0000-0000-0000-000000000000",
                        "{id}", "..", "%00", "\uD800", "ffffffff-ffff-ffff-ffff-ffffffffffff", "0-0-0-0-0",
                        "123e4567-e89b-12d3-a456-4266141740000", "x".repeat(10_000)).map(id -> new Edit.PathParameter("id", id))),
                Tuple.of(6, hostileStrings().map(id -> new Edit.NoteTarget(NoteRef.UNKNOWN, 0, id))));
    }

    private static Arbitrary<Edit> ifMatches() {
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1_000_000);
        return weighted(
                Tuple.of(35, Arbitraries.just(Edit.none())),
                Tuple.of(25, picks.map(pick -> new Edit.IfMatch("%s", pick, false))),
                Tuple.of(10, picks.map(pick -> new Edit.IfMatch("%s", pick, true))),
                Tuple.of(10, Combinators.combine(Arbitraries.of("W/%s", "%s, \"999\"", " %s ", "\"x\", %s", "%s,%s", "*, %s",
                        "W/\"*\", %s", "%s%s"), picks, Arbitraries.of(true, false)).as(Edit.IfMatch::new)),
                Tuple.of(10, Arbitraries.of("*", "", " ", ",", "\"", "\"\"", "\"-1\"", "\"9223372036854775807\"",
                        "\"99999999999999999999\"", "0", "W/", "* , *", "x".repeat(10_000)).map(v -> new Edit.Header("if-match", v))),
                Tuple.of(10, hostileStrings().map(v -> new Edit.Header("if-match", v))));
    }

    private static Arbitrary<Edit> listQueries() {
        Arbitrary<String> limits = Arbitraries.of("", "0", "1", "2", "20", "100", "101", "-1", "+5", "05", " 5", "5 ",
                "1e2", "0x10", "\u0663", "2147483648", "99999999999999999999", "NaN", "null", "1.0", "\u0000",
                "\uD800").injectNull(0.4);
        Arbitrary<String> cursors = weighted(
                Tuple.of(3, Arbitraries.of("", "!!!", "=", "AAAA", "MTc2NzIyNTYwMC4wLjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA==",
                        "MTc2NzIyNTYwMC4wLjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA+/", "\uD800", "\u0000",
                        "x".repeat(10_000))),
                Tuple.of(3, Arbitraries.of("99999999999999999.0.%s", "-99999999999999.0.%s", "946684800.-1.%s",
                        "946684800.1000000000.%s", "946684800.0.not-a-uuid", "1.2", "..", "946684800.0.%s.extra",
                        "253402300800.0.%s", "946684799.999999999.%s", "0x10.0.%s", "\u00e9.0.%s", "1767225600.0.%s")
                        .map(format -> Base64.getUrlEncoder().withoutPadding().encodeToString(
                                format.replace("%s", "00000000-0000-0000-0000-000000000000").getBytes(StandardCharsets.UTF_8)))),
                Tuple.of(1, hostileStrings()));
        return weighted(
                Tuple.of(30, Arbitraries.just(Edit.none())),
                Tuple.of(40, Combinators.combine(limits, Arbitraries.integers().between(0, 1_000_000))
                        .as((limit, pick) -> new Edit.Query(limit == null ? Map.of() : Map.of("limit", limit), pick))),
                // Names stay short: the Lambda runtime's JSON reader refuses names over 50,000 characters.
                Tuple.of(30, Combinators.combine(limits, cursors.injectNull(0.3),
                                Arbitraries.strings().all().ofMaxLength(12).injectNull(0.7))
                        .as((limit, cursor, other) -> {
                            Map<String, String> parameters = new HashMap<>();
                            if (limit != null) {
                                parameters.put("limit", limit);
                            }
                            if (cursor != null) {
                                parameters.put("cursor", cursor);
                            }
                            if (other != null) {
                                parameters.put(other, other);
                            }
                            return new Edit.Query(parameters, null);
                        })));
    }

    // ---- JSON text ----

    /**
     * The object {a: valueA, b: valueB}; escaped, every character outside ASCII is a \\u escape
     * (an unpaired surrogate then reaches the server as the escape "\\uD800", not as a raw character).
     */
    public static String jsonObject(String a, String valueA, String b, String valueB, boolean escaped) {
        return object(member(a, quote(valueA, escaped)), member(b, quote(valueB, escaped)));
    }

    static String object(String... members) {
        StringBuilder s = new StringBuilder("{");
        for (String member : members) {
            if (member.isEmpty()) {
                continue;
            }
            if (s.length() > 1) {
                s.append(',');
            }
            s.append(member);
        }
        return s.append('}').toString();
    }

    static String member(String name, String jsonValue) {
        return quote(name) + ":" + jsonValue;
    }

    /** A JSON string with only what JSON requires escaped: anything else, unpaired surrogates included, goes in raw. */
    static String quote(String s) {
        return quote(s, false);
    }

    /** A JSON string with every character outside ASCII as a \\u escape, so an unpaired surrogate becomes "\\uD800". */
    static String quoteEscaped(String s) {
        return quote(s, true);
    }

    private static String quote(String s, boolean escapeAll) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (escapeAll && c >= 0x7F)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
