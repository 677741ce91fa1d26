package dev.lambdanotes.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdanotes.json.JsonTrees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats java.util.logging records as one JSON object per line, with the function, request id
 * and cold-start flag on every line. A record whose single parameter is a Map adds its entries as
 * fields (that is how security events carry theirs). A line written while the instance primes
 * itself before a SnapStart snapshot says {@code "priming": true}. Lambda keeps JSON lines as they are.
 */
public final class JsonLogFormatter extends Formatter {
    private final String function;

    public JsonLogFormatter(String function) {
        this.function = function;
    }

    @Override
    public String format(LogRecord record) {
        ObjectNode line = JsonTrees.newObject();
        line.put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        line.put("message", formatMessage(record));
        line.put("function", function);
        line.put("requestId", Invocation.requestId());
        line.put("coldStart", Invocation.coldStart());
        if (Invocation.priming()) {
            line.put("priming", true);
        }
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length == 1 && parameters[0] instanceof Map<?, ?> fields) {
            fields.forEach((key, value) -> line.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("error", record.getThrown().getClass().getName());
            line.put("stackTrace", trace.toString());
        }
        return JsonTrees.write(line) + System.lineSeparator();
    }

    @Override
    public synchronized String formatMessage(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length == 1 && parameters[0] instanceof Map) {
            return record.getMessage();
        }
        return super.formatMessage(record);
    }
}
