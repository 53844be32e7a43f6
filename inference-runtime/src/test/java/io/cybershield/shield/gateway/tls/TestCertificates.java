package io.cybershield.shield.gateway.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Certificates made for one test run (EC P-256, valid for a day): a CA, and server certificates it issues, written
 * as PEM files the way a {@code kubernetes.io/tls} Secret is mounted ({@code tls.crt}, {@code tls.key},
 * {@code ca.crt}). Nothing here is ever committed.
 */
public final class TestCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestCertificates() {
  }

  /** A key and its certificate. */
  public record Issued(X509Certificate certificate, KeyPair keys) {

    public BigInteger serial() {
      return certificate.getSerialNumber();
    }

    /**
     * Writes {@code tls.crt}, {@code tls.key} and {@code ca.crt} into a directory the way the kubelet updates a Secret
     * volume: into a new hidden directory, then one atomic swap of the {@code ..data} link the files point through,
     * so a reader never sees the new certificate with the old key. Returns the directory.
     */
    public Path writeTo(Path directory, Issued ca) {
      try {
        Files.createDirectories(directory);
        Path version = Files.createTempDirectory(directory, "..version-");
        Files.writeString(version.resolve("tls.crt"), pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(version.resolve("tls.key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(version.resolve("ca.crt"), pem("CERTIFICATE", ca.certificate().getEncoded()));
        Path next = directory.resolve("..data_tmp");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, version.getFileName());
        Files.move(next, directory.resolve("..data"), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        for (String file : new String[] {"tls.crt", "tls.key", "ca.crt"}) {
          Path link = directory.resolve(file);
          if (!Files.isSymbolicLink(link)) {
            Files.createSymbolicLink(link, Path.of("..data", file));
          }
        }
        return directory;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A self-signed CA. */
  public static Issued ca(String commonName) {
    KeyPair keys = keys();
    return new Issued(sign(new X500Name("CN=" + commonName), keys, new X500Name("CN=" + commonName), keys, true,
        List.of()), keys);
  }

  /** A server certificate for the DNS names (the first is also the common name), issued by a CA. */
  public static Issued server(Issued ca, String... dnsNames) {
    KeyPair keys = keys();
    X500Name issuer = new X500Name(ca.certificate().getSubjectX500Principal().getName());
    return new Issued(sign(new X500Name("CN=" + dnsNames[0]), keys, issuer, ca.keys(), false, List.of(dnsNames)),
        keys);
  }

  private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
      boolean ca, List<String> dnsNames) {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
          new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
          Date.from(now.plus(Duration.ofDays(1))), subject, subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
            .map(name -> new GeneralName(GeneralName.dNSName, name)).toArray(GeneralName[]::new)));
      }
      return new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
