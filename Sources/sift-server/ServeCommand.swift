import ArgumentParser
import Foundation
import SiftServer

/// `sift-server serve`: runs the web app until Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve", abstract: "Serve the screening web app (stops cleanly on Ctrl-C).")

  @OptionGroup var options: ProjectOptions

  @Option(name: .long, help: "Address to listen on.")
  var host = "127.0.0.1"

  @Option(name: .long, help: "Port to listen on (0: a free one; the URL printed names it).")
  var port = 8080

  @Flag(name: .long, help: "Mark the session cookie Secure (when the server is reached over HTTPS).")
  var secureCookies = false

  func run() async throws {
    let opened = try await ServerSetup.open(project: options.project, store: options.store)
    let accounts = try await opened.store.reviewers()
    if accounts.isEmpty {
      FileHandle.standardError.write(
        Data("sift-server: no accounts yet; add one with `sift-server reviewer add NAME`\n".utf8))
    }
    let title = opened.review.title
    let location = opened.store.location
    let app = buildApplication(
      store: opened.store, review: opened.review,
      options: ServerOptions(
        host: host, port: port, secureCookies: secureCookies,
        onRunning: { url in
          // Written unbuffered, so a script reading the log sees the URL at once.
          FileHandle.standardOutput.write(
            Data("sift-server: serving \(title) from \(location) at \(url)\nsift-server: press Ctrl-C to stop\n".utf8))
        }))
    do {
      try await app.runService()
    } catch {
      try? await opened.store.close()
      throw error
    }
    try await opened.store.close()
    print("sift-server: stopped")
  }
}
