import Crypto
import Foundation
import _CryptoExtras

/// Password hashes with scrypt (swift-crypto's `KDF.Scrypt`), stored as PHC strings
/// `$scrypt$ln=15,r=8,p=1$<base64 salt>$<base64 hash>` (standard base64 without padding).
public struct PasswordHasher: Sendable {
  /// log2 of scrypt's cost N. 15 (N = 32768, 32 MiB with r = 8) for real accounts; tests use a small value.
  public var logN: Int
  public var blockSize: Int
  public var parallelism: Int

  /// The parameters for real accounts.
  public static let standard = PasswordHasher(logN: 15)
  /// Cheap parameters, for tests only.
  public static let testing = PasswordHasher(logN: 4)

  public init(logN: Int, blockSize: Int = 8, parallelism: Int = 1) {
    self.logN = logN
    self.blockSize = blockSize
    self.parallelism = parallelism
  }

  /// Why a password or a stored hash was refused.
  public struct Problem: Error, CustomStringConvertible, Equatable {
    public var description: String
    init(_ description: String) { self.description = description }
  }

  /// Shortest password `sift-server reviewer add` accepts.
  public static let minimumLength = 8

  /// A new PHC string for `password` with a fresh 16-byte salt.
  public func hash(_ password: String) throws -> String {
    let salt = SecureToken.bytes(16)
    let derived = try Self.derive(password, salt: salt, logN: logN, blockSize: blockSize, parallelism: parallelism)
    return "$scrypt$ln=\(logN),r=\(blockSize),p=\(parallelism)$\(Self.base64(salt))$\(Self.base64(derived))"
  }

  /// Whether `password` matches the PHC string `stored` (constant-time comparison of the derived keys).
  /// A malformed stored hash never matches.
  public static func verify(_ password: String, against stored: String) -> Bool {
    guard let parsed = try? parse(stored),
      let derived = try? derive(
        password, salt: parsed.salt, logN: parsed.logN, blockSize: parsed.blockSize, parallelism: parsed.parallelism,
        length: parsed.hash.count)
    else { return false }
    return SecureToken.equal(derived, parsed.hash)
  }

  /// Spends about the time of one verification, so an unknown account name answers as slowly as a wrong password.
  public func burn(_ password: String) {
    _ = try? Self.derive(
      password, salt: [UInt8](repeating: 0, count: 16), logN: logN, blockSize: blockSize,
      parallelism: parallelism)
  }

  struct Parsed {
    var logN: Int
    var blockSize: Int
    var parallelism: Int
    var salt: [UInt8]
    var hash: [UInt8]
  }

  /// Splits a PHC string; the parameters are bounded (ln 1…20, r 1…32, p 1…4) so a damaged row cannot exhaust memory.
  static func parse(_ text: String) throws -> Parsed {
    let parts = text.split(separator: "$", omittingEmptySubsequences: false)
    guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else {
      throw Problem("not a PHC scrypt string (`$scrypt$ln=…,r=…,p=…$salt$hash`)")
    }
    var values: [String: Int] = [:]
    for pair in parts[2].split(separator: ",") {
      let kv = pair.split(separator: "=", maxSplits: 1)
      guard kv.count == 2, let value = Int(kv[1]) else { throw Problem("bad scrypt parameter `\(pair)`") }
      values[String(kv[0])] = value
    }
    guard let logN = values["ln"], (1...20).contains(logN), let r = values["r"], (1...32).contains(r),
      let p = values["p"], (1...4).contains(p)
    else { throw Problem("scrypt parameters out of range in `\(parts[2])`") }
    guard let salt = unbase64(String(parts[3])), let hash = unbase64(String(parts[4])), salt.count >= 8,
      hash.count >= 16
    else { throw Problem("bad base64 salt or hash") }
    return Parsed(logN: logN, blockSize: r, parallelism: p, salt: salt, hash: hash)
  }

  static func derive(
    _ password: String, salt: [UInt8], logN: Int, blockSize: Int, parallelism: Int, length: Int = 32
  ) throws -> [UInt8] {
    let key = try KDF.Scrypt.deriveKey(
      from: Array(password.utf8), salt: salt, outputByteCount: length, rounds: 1 << logN, blockSize: blockSize,
      parallelism: parallelism)
    return key.withUnsafeBytes { Array($0) }
  }

  static func base64(_ bytes: [UInt8]) -> String {
    var text = Data(bytes).base64EncodedString()
    while text.hasSuffix("=") { text.removeLast() }
    return text
  }

  static func unbase64(_ text: String) -> [UInt8]? {
    var padded = text
    while padded.count % 4 != 0 { padded += "=" }
    return Data(base64Encoded: padded).map { Array($0) }
  }
}
