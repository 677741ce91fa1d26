package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** The routes one function serves: an API Gateway event in, its response out, never an exception. */
public interface Routes {
    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context);
}
