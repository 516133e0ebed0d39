import Crypto

/// The SHA-256 of an input file, as the provenance prints it (lower-case hex): swift-crypto's, which is BoringSSL's
/// on Linux and CryptoKit on Apple's systems.
public enum Fingerprint {
    public static func sha256<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digest = SHA256.hash(data: Array(bytes))
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
