package dev.lambdanotes.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against AWS's Signature Version 4 test suite (the "aws-sig-v4-test-suite" of the AWS
 * General Reference): its example credentials, region, service and time, and for each request the
 * canonical request, string to sign and Authorization header that AWS published.
 */
class AwsSignatureV4Test {
    private static final AwsCredentials EXAMPLE =
            new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static final AwsSignatureV4 SIGNER = new AwsSignatureV4("us-east-1", "service");
    private static final String SESSION_TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "example.amazonaws.com");
        headers.put("X-Amz-Date", "20150830T123600Z");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void getVanilla() {
        assertThat(SIGNER.authorization("GET", "/", headers(), new byte[0], EXAMPLE)).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                        + " SignedHeaders=host;x-amz-date,"
                        + " Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void postVanilla() {
        assertThat(SIGNER.authorization("POST", "/", headers(), new byte[0], EXAMPLE)).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                        + " SignedHeaders=host;x-amz-date,"
                        + " Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }

    /** A body and its content type, as a Secrets Manager request has: every intermediate step too. */
    @Test
    void postXWwwFormUrlencoded() {
        Map<String, String> headers = headers("Content-Type", "application/x-www-form-urlencoded");
        byte[] body = "Param1=value1".getBytes(StandardCharsets.UTF_8);

        String canonicalRequest = AwsSignatureV4.canonicalRequest("POST", "/",
                AwsSignatureV4.canonicalHeaders(headers), body);
        assertThat(canonicalRequest).isEqualTo("""
                POST
                /

                content-type:application/x-www-form-urlencoded
                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e""");
        assertThat(AwsSignatureV4.stringToSign("20150830T123600Z", "20150830/us-east-1/service/aws4_request",
                canonicalRequest)).isEqualTo("""
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/service/aws4_request
                42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281""");
        assertThat(SIGNER.authorization("POST", "/", headers, body, EXAMPLE)).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date,"
                        + " Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    }

    /** Temporary credentials (Lambda's): the session token is a signed header. */
    @Test
    void postStsHeaderBefore() {
        AwsCredentials temporary = new AwsCredentials(EXAMPLE.accessKeyId(), EXAMPLE.secretAccessKey(), SESSION_TOKEN);

        assertThat(SIGNER.authorization("POST", "/", headers("X-Amz-Security-Token", SESSION_TOKEN), new byte[0],
                temporary)).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                        + " SignedHeaders=host;x-amz-date;x-amz-security-token,"
                        + " Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead");
    }

    @Test
    void credentials_neverShowTheirSecrets() {
        assertThat(new AwsCredentials("AKIDEXAMPLE", "the-secret-key", "the-token").toString())
                .contains("AKIDEXAMPLE").doesNotContain("the-secret-key").doesNotContain("the-token");
    }
}
