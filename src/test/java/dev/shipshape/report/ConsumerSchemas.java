package dev.shipshape.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The schemas of the tools that read shipshape's CI formats (under {@code report/consumers/}, each
 * naming its source): every method returns the ways a report breaks its consumer's schema, empty
 * when it is valid.
 */
final class ConsumerSchemas {

    private ConsumerSchemas() {
    }

    /** JUnit XML against the Surefire report schema (each suite) and the {@code <testsuites>} wrapper. */
    static List<String> junitErrors(String xml) {
        try (InputStream xsd = resource("junit-surefire.xsd")) {
            var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd));
            var validator = schema.newValidator();
            List<String> errors = new ArrayList<>();
            validator.setErrorHandler(collecting(errors));
            validator.validate(new DOMSource(parse(xml, false, errors)));
            return errors;
        } catch (IOException | SAXException failure) {
            return List.of(failure.getMessage());
        }
    }

    /** Checkstyle XML against checkstyle's DTD (validated as a parser reading it with that DTD would). */
    static List<String> checkstyleErrors(String xml) {
        String declared = xml.replaceFirst("\\?>", "?>\n<!DOCTYPE checkstyle SYSTEM \"checkstyle.dtd\">");
        List<String> errors = new ArrayList<>();
        parse(declared, true, errors);
        return errors;
    }

    /** GitLab Code Quality JSON against the fields GitLab requires. */
    static List<String> gitlabErrors(String json) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        try (InputStream schema = resource("gitlab-code-quality.schema.json")) {
            Schema loaded = registry.getSchema(schema, InputFormat.JSON);
            return loaded.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(String xml, boolean validating, List<String> errors) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setValidating(validating);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(collecting(errors));
            builder.setEntityResolver((publicId, systemId) -> systemId != null && systemId.endsWith("checkstyle.dtd")
                    ? new InputSource(resource("checkstyle.dtd")) : null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (Exception failure) {
            errors.add(failure.getMessage());
            return null;
        }
    }

    private static ErrorHandler collecting(List<String> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
            }

            @Override
            public void error(SAXParseException exception) {
                errors.add(exception.getLineNumber() + ":" + exception.getColumnNumber() + " " + exception.getMessage());
            }

            @Override
            public void fatalError(SAXParseException exception) {
                errors.add(exception.getLineNumber() + ":" + exception.getColumnNumber() + " " + exception.getMessage());
            }
        };
    }

    private static InputStream resource(String name) {
        return ConsumerSchemas.class.getResourceAsStream("/report/consumers/" + name);
    }
}
