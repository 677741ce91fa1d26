package dev.lambdanotes.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Invokes a function as the Lambda Java runtime invokes a stream handler: the event's JSON in,
 * the response's JSON out. The response is read into the events library's class by the same
 * serializer the runtime uses for it, so a test reads what API Gateway would.
 */
public final class Invoke {
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, Invoke.class.getClassLoader());

    private Invoke() {
    }

    public static APIGatewayV2HTTPResponse invoke(RequestStreamHandler function, ApiEvent event, Context context) {
        return invoke(function, event.toBytes(), context);
    }

    /** The event as raw bytes, which need not even be JSON. */
    public static APIGatewayV2HTTPResponse invoke(RequestStreamHandler function, byte[] event, Context context) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            function.handleRequest(new ByteArrayInputStream(event), response, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RESPONSES.fromJson(new ByteArrayInputStream(response.toByteArray()));
    }
}
