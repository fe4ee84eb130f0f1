import Foundation
import Testing

@testable import SiftServer

@Suite struct SecurityTests {
  @Test func passwordHashesArePHCScryptStringsThatVerify() throws {
    let hasher = PasswordHasher.testing
    let hash = try hasher.hash("s3cret pass")
    let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
    #expect(parts.count == 5 && parts[1] == "scrypt" && parts[2] == "ln=4,r=8,p=1")
    #expect(!hash.contains("s3cret"))
    #expect(PasswordHasher.verify("s3cret pass", against: hash))
    #expect(!PasswordHasher.verify("s3cret pasS", against: hash))
    #expect(!PasswordHasher.verify("", against: hash))
    // A fresh salt each time.
    #expect(try hasher.hash("s3cret pass") != hash)
  }

  @Test func theStandardParametersAreMemoryHard() throws {
    #expect(PasswordHasher.standard.logN >= 15 && PasswordHasher.standard.blockSize == 8)
  }

  @Test(arguments: [
    "", "plain", "$scrypt$ln=4,r=8,p=1$c2FsdHNhbHQ", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
    "$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA", "$scrypt$ln=4,r=8,p=1$!!$??",
  ])
  func malformedStoredHashesNeverMatch(stored: String) {
    #expect(!PasswordHasher.verify("anything", against: stored))
  }

  @Test func tokensAreRandom32ByteHex() {
    let tokens = (0..<50).map { _ in SecureToken.make() }
    #expect(Set(tokens).count == 50)
    #expect(tokens.allSatisfy { $0.count == 64 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
  }

  @Test func constantTimeEquality() {
    #expect(SecureToken.equal("abc", "abc"))
    #expect(!SecureToken.equal("abc", "abd"))
    #expect(!SecureToken.equal("abc", "abcd"))
    #expect(!SecureToken.equal("", "a"))
    #expect(SecureToken.equal("", ""))
  }

  @Test func sessionsExpireAndSignInReplacesTheToken() async {
    let store = SessionStore(lifetime: 60, anonymousLifetime: 10)
    let start = Date(timeIntervalSince1970: 1_000_000)
    let (anonymous, form) = await store.startAnonymous(now: start)
    #expect(await store.session(anonymous, now: start.addingTimeInterval(5))?.csrf == form.csrf)
    let token = await store.signIn(reviewer: "CML", role: "reviewer", replacing: anonymous, now: start)
    #expect(token != anonymous)
    #expect(await store.session(anonymous, now: start) == nil)
    #expect(await store.session(token, now: start.addingTimeInterval(59))?.reviewer == "CML")
    #expect(await store.session(token, now: start.addingTimeInterval(59 + 61)) == nil)
    #expect(await store.session(nil) == nil)
  }

  @Test func anonymousSessionsAreBounded() async {
    let store = SessionStore(anonymousLimit: 3)
    for _ in 0..<10 { _ = await store.startAnonymous() }
    #expect(await store.count == 3)
  }

  @Test func escapingCoversMarkupAndQuotes() {
    #expect(
      HTML.escape("<script>alert(1)</script> & \"x\" 'y'")
        == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;")
    #expect(HTML.escape("plain é") == "plain é")
  }

  @Test func highlightingNeverCutsAnEntity() {
    #expect(Layout.highlighted("a & b amp", terms: ["amp"]) == "a &amp; b <mark>amp</mark>")
    #expect(Layout.highlighted("<b>Alliance</b>", terms: ["alliance"]) == "&lt;b&gt;<mark>Alliance</mark>&lt;/b&gt;")
  }

  @Test func onlyWebLinksBecomeLinks() {
    #expect(Layout.safeLink("javascript:alert(1)") == nil)
    #expect(Layout.safeLink(" data:text/html,x") == nil)
    #expect(Layout.safeLink("https://doi.org/10.1/\"x") == "https://doi.org/10.1/&quot;x")
  }

  @Test func formBodiesDecodeRepeatedFieldsAndEscapes() {
    let form = FormBody("criteria=E1&criteria=E2&note=a+b%20%26%3Cc%3E&bad=%zz&csrf=")
    #expect(form.all("criteria") == ["E1", "E2"])
    #expect(form["note"] == "a b &<c>")
    #expect(form["bad"] == "%zz")
    #expect(form["csrf"] == "")
    #expect(form["missing"] == nil)
  }

  @Test func theContentSecurityPolicyAllowsOnlyThePagesOwnScriptAndStyle() {
    let policy = Assets.contentSecurityPolicy
    #expect(policy.contains("default-src 'none'"))
    #expect(policy.contains("script-src '\(Assets.jsHash)'"))
    #expect(!policy.contains("unsafe-inline"))
  }

  @Test func theThrottleForgetsOldFailuresAndClearsOnSuccess() async {
    let throttle = LoginThrottle(limit: 2, window: 60)
    let start = Date(timeIntervalSince1970: 1_000_000)
    await throttle.failed("a", now: start)
    await throttle.failed("a", now: start.addingTimeInterval(1))
    #expect(await !throttle.allows("a", now: start.addingTimeInterval(2)))
    #expect(await throttle.allows("b", now: start.addingTimeInterval(2)))
    #expect(await throttle.allows("a", now: start.addingTimeInterval(61)))
    await throttle.succeeded("a")
    #expect(await throttle.allows("a", now: start.addingTimeInterval(2)))
  }
}
