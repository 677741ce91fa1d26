package dev.lambdanotes.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.local.StaticFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The web app in template.yaml: a private bucket read only by CloudFront through Origin Access
 * Control, one distribution for the app and the API, and the app's security headers.
 */
class WebDistributionTest {
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    private static JsonNode resource(String id) {
        JsonNode resource = Project.template().get("Resources").get(id);
        assertThat(resource).as("resource %s", id).isNotNull();
        return resource;
    }

    private static String onlyResourceOfType(String type) {
        List<String> ids = new ArrayList<>();
        Project.template().get("Resources").properties().forEach(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) {
                ids.add(entry.getKey());
            }
        });
        assertThat(ids).as("resources of type %s", type).hasSize(1);
        return ids.get(0);
    }

    private static JsonNode distribution() {
        return resource(onlyResourceOfType("AWS::CloudFront::Distribution")).get("Properties").get("DistributionConfig");
    }

    private static JsonNode origin(String originId) {
        return StreamSupport.stream(distribution().get("Origins").spliterator(), false)
                .filter(origin -> origin.get("Id").asText().equals(originId))
                .findFirst().orElseThrow(() -> new AssertionError("no origin " + originId));
    }

    private static List<JsonNode> behaviours() {
        List<JsonNode> behaviours = new ArrayList<>();
        distribution().path("CacheBehaviors").forEach(behaviours::add);
        return behaviours;
    }

    @Test
    void theAppsBucket_isPrivate_andReadableOnlyByTheDistribution() {
        String bucket = onlyResourceOfType("AWS::S3::Bucket");
        JsonNode properties = resource(bucket).get("Properties");
        JsonNode block = properties.get("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
        }
        assertThat(properties.has("WebsiteConfiguration")).as("a website endpoint is public").isFalse();
        assertThat(properties.has("AccessControl")).isFalse();

        JsonNode policy = resource(onlyResourceOfType("AWS::S3::BucketPolicy")).get("Properties");
        assertThat(policy.get("Bucket").asText()).isEqualTo(bucket);
        List<JsonNode> allows = new ArrayList<>();
        policy.get("PolicyDocument").get("Statement").forEach(statement -> {
            if (statement.get("Effect").asText().equals("Allow")) {
                allows.add(statement);
            }
        });
        assertThat(allows).singleElement().satisfies(allow -> {
            assertThat(allow.get("Principal").get("Service").asText()).isEqualTo("cloudfront.amazonaws.com");
            assertThat(allow.get("Action").asText()).isEqualTo("s3:GetObject");
            assertThat(allow.get("Condition").get("StringEquals").get("AWS:SourceArn").asText())
                    .endsWith(":distribution/${" + onlyResourceOfType("AWS::CloudFront::Distribution") + "}");
        });
    }

    @Test
    void theDistribution_readsTheBucketThroughOriginAccessControl() {
        JsonNode defaultBehaviour = distribution().get("DefaultCacheBehavior");
        JsonNode bucketOrigin = origin(defaultBehaviour.get("TargetOriginId").asText());

        assertThat(bucketOrigin.get("DomainName").asText())
                .isEqualTo(onlyResourceOfType("AWS::S3::Bucket") + ".RegionalDomainName");
        assertThat(bucketOrigin.get("S3OriginConfig").get("OriginAccessIdentity").asText())
                .as("no legacy origin access identity").isEmpty();
        String control = bucketOrigin.get("OriginAccessControlId").asText();
        assertThat(control).isEqualTo(onlyResourceOfType("AWS::CloudFront::OriginAccessControl") + ".Id");
        JsonNode config = resource(control.replace(".Id", "")).get("Properties").get("OriginAccessControlConfig");
        assertThat(config.get("OriginAccessControlOriginType").asText()).isEqualTo("s3");
        assertThat(config.get("SigningBehavior").asText()).isEqualTo("always");
        assertThat(config.get("SigningProtocol").asText()).isEqualTo("sigv4");
        assertThat(defaultBehaviour.get("ViewerProtocolPolicy").asText()).isEqualTo("redirect-to-https");
    }

    @Test
    void everyRoutePathOfTheApi_hasABehaviourToTheHttpApi_uncached_withTheViewersHeadersAndAllMethods() {
        List<String> paths = new ArrayList<>();
        Project.functions().values().forEach(function -> function.get("Properties").path("Events").forEach(event -> {
            if (event.get("Type").asText().equals("HttpApi")) {
                paths.add(event.get("Properties").get("Path").asText());
            }
        }));
        assertThat(paths).isNotEmpty();

        for (String routePath : paths) {
            String path = routePath.replaceAll("\\{[^}]+}", "some-id");
            JsonNode behaviour = behaviours().stream()
                    .filter(candidate -> glob(candidate.get("PathPattern").asText()).matcher(path).matches())
                    .findFirst().orElseThrow(() -> new AssertionError("no behaviour matches " + routePath));

            assertThat(origin(behaviour.get("TargetOriginId").asText()).get("DomainName").asText())
                    .as(routePath).startsWith("${HttpApi}.execute-api.");
            assertThat(behaviour.get("CachePolicyId").asText()).as(routePath).isEqualTo(CACHING_DISABLED);
            assertThat(behaviour.get("OriginRequestPolicyId").asText()).as(routePath)
                    .isEqualTo(ALL_VIEWER_EXCEPT_HOST_HEADER);
            assertThat(behaviour.get("AllowedMethods")).extracting(JsonNode::asText).as(routePath)
                    .containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE");
        }
    }

    /** CloudFront's path patterns: * is any run of characters, ? one character. */
    private static Pattern glob(String pathPattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pathPattern.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(regex.toString());
    }

    @Test
    void theResponseHeadersPolicy_carriesTheAppsCsp_andTheSecurityHeaders_onEveryBehaviour() {
        String policyId = onlyResourceOfType("AWS::CloudFront::ResponseHeadersPolicy");
        JsonNode headers = resource(policyId).get("Properties").get("ResponseHeadersPolicyConfig")
                .get("SecurityHeadersConfig");

        assertThat(headers.get("ContentSecurityPolicy").get("ContentSecurityPolicy").asText())
                .as("the CSP the local runtime serves").isEqualTo(StaticFiles.CONTENT_SECURITY_POLICY);
        assertThat(headers.get("ContentTypeOptions").get("Override").asBoolean()).isTrue();
        assertThat(headers.get("FrameOptions").get("FrameOption").asText()).isEqualTo("DENY");
        assertThat(headers.get("ReferrerPolicy").get("ReferrerPolicy").asText()).isEqualTo("no-referrer");
        assertThat(headers.get("StrictTransportSecurity").get("AccessControlMaxAgeSec").asInt())
                .isGreaterThanOrEqualTo(31_536_000);
        List<JsonNode> all = new ArrayList<>(behaviours());
        all.add(distribution().get("DefaultCacheBehavior"));
        assertThat(all).allSatisfy(behaviour ->
                assertThat(behaviour.get("ResponseHeadersPolicyId").asText()).isEqualTo(policyId));
    }

    @Test
    void theStack_outputsTheAppsUrl() {
        Map<String, JsonNode> outputs = new HashMap<>();
        Project.template().get("Outputs").properties().forEach(entry -> outputs.put(entry.getKey(), entry.getValue()));

        assertThat(outputs.get("WebUrl").get("Value").asText())
                .isEqualTo("https://${" + onlyResourceOfType("AWS::CloudFront::Distribution") + ".DomainName}/");
    }
}
