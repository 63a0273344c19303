package dev.shipshape.gate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A TLS server context from PEM files as Kubernetes keeps them ({@code tls.crt}, {@code tls.key}
 * of a {@code kubernetes.io/tls} Secret, as cert-manager writes them): the certificate chain, and
 * the private key as PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) or SEC1
 * EC ({@code EC PRIVATE KEY}).
 */
public final class PemTls {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final byte[] RSA_ENCRYPTION = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] DER_NULL = {0x05, 0x00};
    private static final byte[] VERSION_ZERO = {0x02, 0x01, 0x00};

    private PemTls() {
    }

    /** The certificate or key cannot be used; the message says which file and why. */
    public static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    public static SSLContext context(Path certificateFile, Path keyFile) throws Unusable {
        List<Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("shipshape", key, password, chain.toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException | IllegalArgumentException mismatch) {
            throw new Unusable("cannot serve TLS with %s and %s: the Java runtime refuses this certificate and key together (%s)"
                    .formatted(certificateFile, keyFile, key.getAlgorithm()));
        }
    }

    private static List<Certificate> certificates(Path file) throws Unusable {
        String text = read(file);
        try {
            List<Certificate> chain = new ArrayList<>(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))));
            if (chain.isEmpty()) throw new Unusable(file + " holds no certificate");
            return chain;
        } catch (java.security.cert.CertificateException malformed) {
            throw new Unusable(file + " holds no readable PEM certificate (a -----BEGIN CERTIFICATE----- block of X.509 DER)");
        }
    }

    private static PrivateKey privateKey(Path file) throws Unusable {
        Matcher block = BLOCK.matcher(read(file));
        while (block.find()) {
            String type = block.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(2));
            } catch (IllegalArgumentException malformed) {
                throw new Unusable(file + ": the " + type + " block is not valid base64");
            }
            try {
                return switch (type) {
                    case "PRIVATE KEY" -> pkcs8(der);
                    case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(VERSION_ZERO, sequence(RSA_ENCRYPTION, DER_NULL), octetString(der))));
                    case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(VERSION_ZERO, sequence(EC_PUBLIC_KEY, curveOf(der, file)), octetString(der))));
                    case "ENCRYPTED PRIVATE KEY" -> throw new Unusable(file + " holds an encrypted key: decrypt it first "
                            + "(openssl pkcs8 -in " + file.getFileName() + " -out key.pem)");
                    default -> null;
                };
            } catch (GeneralSecurityException | IllegalArgumentException malformed) {
                throw new Unusable(file + ": the " + type + " cannot be read: it is malformed or of an algorithm other than RSA, EC, "
                        + "Ed25519 or Ed448");
            }
        }
        throw new Unusable(file + " holds no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                last = notThisOne;
            }
        }
        throw last;
    }

    /** The named curve's OID, from the {@code [0] parameters} of a SEC1 {@code ECPrivateKey}. */
    private static byte[] curveOf(byte[] sec1, Path file) throws Unusable {
        int[] outer = header(sec1, 0);
        int position = outer[0];
        int end = position + outer[1];
        while (position < end) {
            int tag = sec1[position] & 0xff;
            int[] item = header(sec1, position);
            if (tag == 0xa0) {
                int[] oid = header(sec1, item[0]);
                byte[] encoded = new byte[oid[0] - item[0] + oid[1]];
                System.arraycopy(sec1, item[0], encoded, 0, encoded.length);
                return encoded;
            }
            position = item[0] + item[1];
        }
        throw new Unusable(file + ": the EC PRIVATE KEY names no curve");
    }

    /** {start of content, length of content} of the DER item at {@code offset}. */
    private static int[] header(byte[] der, int offset) {
        if (offset + 1 >= der.length) throw new IllegalArgumentException("truncated DER");
        int length = der[offset + 1] & 0xff;
        int start = offset + 2;
        if (length > 0x80) {
            int bytes = length & 0x7f;
            length = 0;
            for (int index = 0; index < bytes; index++) length = (length << 8) | (der[start + index] & 0xff);
            start += bytes;
        }
        if (start + length > der.length || length < 0) throw new IllegalArgumentException("truncated DER");
        return new int[] {start, length};
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) content.writeBytes(part);
        return item(0x30, content.toByteArray());
    }

    private static byte[] octetString(byte[] content) {
        return item(0x04, content);
    }

    private static byte[] item(int tag, byte[] content) {
        ByteArrayOutputStream der = new ByteArrayOutputStream(content.length + 6);
        der.write(tag);
        int length = content.length;
        if (length < 0x80) {
            der.write(length);
        } else if (length < 0x100) {
            der.write(0x81);
            der.write(length);
        } else if (length < 0x10000) {
            der.write(0x82);
            der.write(length >> 8);
            der.write(length & 0xff);
        } else {
            der.write(0x83);
            der.write(length >> 16);
            der.write((length >> 8) & 0xff);
            der.write(length & 0xff);
        }
        der.writeBytes(content);
        return der.toByteArray();
    }

    private static String read(Path file) throws Unusable {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            String why = unreadable instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : unreadable instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : unreadable instanceof java.nio.charset.CharacterCodingException ? "it is not ASCII text" : "it cannot be read";
            throw new Unusable("cannot read " + file + ": " + why);
        }
    }
}
