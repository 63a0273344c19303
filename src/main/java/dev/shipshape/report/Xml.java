package dev.shipshape.report;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Opens and finishes the XML reports (JUnit, Checkstyle), and keeps input text within what XML 1.0 allows. */
final class Xml {

    private Xml() {
    }

    static XMLStreamWriter open(Writer out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        return xml;
    }

    static void finish(XMLStreamWriter xml, Writer out) throws XMLStreamException, IOException {
        xml.writeEndDocument();
        xml.flush();
        out.write("\n");
        out.flush();
    }

    /**
     * XML 1.0 cannot carry most control characters, even escaped; a file name or YAML value holding
     * one (an escape sequence) would make the whole report unreadable, so each is written as {@code \x1b}.
     */
    static String clean(String text) {
        if (text == null) return "";
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF && !(c >= 0x7F && c <= 0x9F))
                    || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
            if (allowed) safe.append(c);
            else safe.append(String.format("\\x%02x", (int) c));
        }
        return safe.toString();
    }
}
