package dev.shipshape.load.dockerfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The exec form of an instruction: its arguments read as a JSON array of strings, the way
 * BuildKit's {@code parseJSON} reads them. Text that is not valid JSON is shell form; valid
 * JSON with anything but strings in the array is an error.
 */
final class JsonStringArray {

    private static final JsonFactory JSON = new JsonFactory();

    /** What the arguments turned out to be. */
    sealed interface Result permits ExecForm, ShellForm, NotStrings {
    }

    record ExecForm(List<String> elements) implements Result {
    }

    record ShellForm() implements Result {
    }

    record NotStrings() implements Result {
    }

    private JsonStringArray() {
    }

    static Result parse(String arguments) {
        int start = 0;
        while (start < arguments.length() && ShellWords.isSpace(arguments.charAt(start))) start++;
        if (start == arguments.length() || arguments.charAt(start) != '[') return new ShellForm();
        try (JsonParser parser = JSON.createParser(arguments.substring(start))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) return new ShellForm();
            List<String> elements = new ArrayList<>();
            boolean onlyStrings = true;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) return new ShellForm();
                if (token == JsonToken.VALUE_STRING) {
                    elements.add(parser.getText());
                } else {
                    onlyStrings = false;
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) return new ShellForm();
            return onlyStrings ? new ExecForm(elements) : new NotStrings();
        } catch (IOException notJson) {
            return new ShellForm();
        }
    }
}
