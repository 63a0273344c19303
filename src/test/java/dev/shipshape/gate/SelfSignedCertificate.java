package dev.shipshape.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's keytool, written as
 * the PEM files a Kubernetes TLS Secret holds ({@code tls.crt}, {@code tls.key} as PKCS#8), and a
 * client context that trusts it (as the API server trusts its caBundle).
 */
record SelfSignedCertificate(Path certificate, Path key, Certificate certificateObject, PrivateKey privateKey) {

    private static final char[] PASSWORD = "changeit".toCharArray();

    static SelfSignedCertificate create(Path folder, String keyAlgorithm) throws IOException, GeneralSecurityException, InterruptedException {
        Path store = folder.resolve("webhook-" + keyAlgorithm + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "webhook", "-keyalg", keyAlgorithm,
                "-dname", "CN=shipshape.shipshape-system.svc", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        if (keyAlgorithm.equals("EC")) command.addAll(List.of("-groupname", "secp256r1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        Certificate certificate = keyStore.getCertificate("webhook");
        PrivateKey key = (PrivateKey) keyStore.getKey("webhook", PASSWORD);
        Path certificateFile = folder.resolve("tls-" + keyAlgorithm + ".crt");
        Path keyFile = folder.resolve("tls-" + keyAlgorithm + ".key");
        Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        return new SelfSignedCertificate(certificateFile, keyFile, certificate, key);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A client context that trusts this certificate only. */
    SSLContext clientContext() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("webhook", certificateObject);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The key's PKCS#8 structure's inner key (PKCS#1 for RSA, SEC1 for EC). */
    byte[] innerKey() {
        byte[] der = privateKey.getEncoded();
        // PKCS#8: SEQUENCE { INTEGER 0, SEQUENCE { algorithm }, OCTET STRING { key } }: the last item of the outer sequence
        int position = contentStart(der, 0);
        int end = position + length(der, 0);
        byte[] last = null;
        while (position < end) {
            int start = contentStart(der, position);
            int length = length(der, position);
            if (der[position] == 0x04) {
                last = new byte[length];
                System.arraycopy(der, start, last, 0, length);
            }
            position = start + length;
        }
        return last;
    }

    static int contentStart(byte[] der, int offset) {
        int first = der[offset + 1] & 0xff;
        return first < 0x80 ? offset + 2 : offset + 2 + (first & 0x7f);
    }

    static int length(byte[] der, int offset) {
        int first = der[offset + 1] & 0xff;
        if (first < 0x80) return first;
        int length = 0;
        for (int index = 0; index < (first & 0x7f); index++) length = (length << 8) | (der[offset + 2 + index] & 0xff);
        return length;
    }

    static List<String> algorithms() {
        return List.of("RSA", "EC");
    }
}
