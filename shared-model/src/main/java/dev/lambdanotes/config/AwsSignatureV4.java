package dev.lambdanotes.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 (AWS4-HMAC-SHA256) for a request without a query string, every header
 * of which is signed: what the Secrets Manager client needs, and no more. Checked against AWS's
 * published Signature Version 4 test suite (AwsSignatureV4Test).
 */
final class AwsSignatureV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private final String region;
    private final String service;

    AwsSignatureV4(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /**
     * The value of the Authorization header.
     *
     * @param headers every header to sign, {@code host} and {@code x-amz-date} (yyyyMMdd'T'HHmmss'Z')
     *                among them, and {@code x-amz-security-token} with temporary credentials
     */
    String authorization(String method, String path, Map<String, String> headers, byte[] body,
            AwsCredentials credentials) {
        Map<String, String> canonical = canonicalHeaders(headers);
        String amzDate = canonical.get("x-amz-date");
        if (amzDate == null || amzDate.length() != 16) {
            throw new IllegalArgumentException("x-amz-date must be signed, as yyyyMMdd'T'HHmmss'Z'");
        }
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = stringToSign(amzDate, scope, canonicalRequest(method, path, canonical, body));
        String signature = HexFormat.of().formatHex(hmac(signingKey(credentials.secretAccessKey(),
                amzDate.substring(0, 8)), stringToSign));
        return ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + String.join(";", canonical.keySet()) + ", Signature=" + signature;
    }

    /** Task 1 of the signing process, with the headers already in canonical form. */
    static String canonicalRequest(String method, String path, Map<String, String> canonicalHeaders, byte[] body) {
        return method + "\n"
                + path + "\n"
                + "\n" // no query string
                + canonicalHeaders.entrySet().stream().map(h -> h.getKey() + ":" + h.getValue() + "\n")
                        .collect(Collectors.joining())
                + "\n"
                + String.join(";", canonicalHeaders.keySet()) + "\n"
                + sha256Hex(body);
    }

    /** Task 2. */
    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case names in order; values trimmed, with inner runs of spaces made one. */
    static Map<String, String> canonicalHeaders(Map<String, String> headers) {
        Map<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) ->
                canonical.put(name.toLowerCase(Locale.ROOT), value.trim().replaceAll(" +", " ")));
        return canonical;
    }

    private byte[] signingKey(String secretAccessKey, String date) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
