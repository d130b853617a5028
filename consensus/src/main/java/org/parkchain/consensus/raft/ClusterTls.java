package org.parkchain.consensus.raft;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * This member's TLS material for Raft traffic: the park CA's certificate (the only one trusted), the member's
 * certificate issued by it, and the member's private key. Both sides of every Raft connection present their
 * certificate and check the other's against the park CA (mutual TLS), so a server without a certificate from the
 * park CA can neither join nor vote.
 */
public record ClusterTls(X509Certificate ca, X509Certificate certificate, PrivateKey privateKey) {

    /**
     * Reads and checks the PEM files: the certificate is signed by the CA, is valid now, and belongs to the key.
     *
     * @throws ClusterFileException naming the file and the problem
     */
    public static ClusterTls load(ClusterSpec.TlsFiles files) {
        X509Certificate ca = certificate(files.ca());
        X509Certificate cert = certificate(files.certificate());
        PrivateKey key = privateKey(files.privateKey());
        try {
            cert.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new ClusterFileException("certificate " + files.certificate() + " was not issued by the park CA in "
                    + files.ca() + " (" + cert.getIssuerX500Principal().getName() + ")");
        }
        try {
            cert.checkValidity();
            ca.checkValidity();
        } catch (CertificateException e) {
            throw new ClusterFileException("certificate " + files.certificate() + " or CA " + files.ca()
                    + " is not valid now: " + e.getMessage());
        }
        if (!keyMatches(key, cert)) {
            throw new ClusterFileException("private key " + files.privateKey() + " does not belong to certificate "
                    + files.certificate());
        }
        return new ClusterTls(ca, cert, key);
    }

    /** Ratis' configuration for mutual TLS with only the park CA trusted. */
    public GrpcTlsConfig grpcConfig() {
        return new GrpcTlsConfig(privateKey, certificate, List.of(ca), true);
    }

    /** When this member's certificate stops being valid (reported in /health well before it does). */
    public Instant certificateExpiry() {
        return certificate.getNotAfter().toInstant();
    }

    static X509Certificate certificate(Path file) {
        Object pem = readPem(file);
        if (!(pem instanceof X509CertificateHolder holder)) {
            throw new ClusterFileException(file + ": expected a PEM certificate (BEGIN CERTIFICATE)");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new ClusterFileException(file + ": unreadable certificate: " + e.getMessage());
        }
    }

    static PrivateKey privateKey(Path file) {
        Object pem = readPem(file);
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (pem instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (pem instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (IOException e) {
            throw new ClusterFileException(file + ": unreadable private key: " + e.getMessage());
        }
        throw new ClusterFileException(file + ": expected an unencrypted PEM private key (BEGIN PRIVATE KEY)");
    }

    private static Object readPem(Path file) {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            Object o = parser.readObject();
            if (o == null) {
                throw new ClusterFileException(file + ": no PEM object in the file");
            }
            return o;
        } catch (IOException e) {
            throw new ClusterFileException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static boolean keyMatches(PrivateKey key, X509Certificate cert) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] probe = "parkchain".getBytes();
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
