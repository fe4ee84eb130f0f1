import ArgumentParser
import Foundation
import SiftCore
import SiftKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct ScreenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "screen",
    abstract: "Screen records one at a time in the terminal.",
    discussion: """
      Keys: i include, e exclude, m maybe, s skip, u undo, q quit. Resumes where you stopped.
      At full-text, `e` asks for the criteria (e.g. E1 E3). Without a terminal (piped input) it reads one
      command per line: i, e E1 E2, m, s, u, q.
      """
  )

  @Option(name: .long, help: "The stage to screen.", transform: ProjectArgument.stage)
  var stage: Stage

  @Option(name: .long, help: "Your name as listed in protocol.yaml's reviewers.")
  var reviewer: String

  @OptionGroup var projectOptions: ProjectOptions

  func run() throws {
    var session = try ScreeningSession(project: projectOptions.open(), reviewer: reviewer, stage: stage)
    if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
      try ScreenTerminal.run(&session)
    } else {
      try ScreenLines.run(&session)
    }
  }
}

/// A reviewer's command, from a key or a line.
enum ScreenAction: Equatable {
  case decide(Verdict, [String])
  case skip, undo, quit
  case unknown(String)

  /// `i`, `e E1 E3`, `m`, `s`, `u`, `q` (also the full words).
  static func parse(_ line: String) -> ScreenAction {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
    guard let first = words.first?.lowercased() else { return .unknown("") }
    let rest = Array(words.dropFirst())
    switch first {
    case "i", "include": return .decide(.include, rest)
    case "e", "exclude": return .decide(.exclude, rest)
    case "m", "maybe": return .decide(.maybe, rest)
    case "s", "skip": return .skip
    case "u", "undo": return .undo
    case "q", "quit": return .quit
    default: return .unknown(line)
    }
  }
}

/// Line mode: plain output, one command per input line (for pipes, scripts and tests).
enum ScreenLines {
  static func run(_ session: inout ScreeningSession) throws {
    print("screening \(session.stage.rawValue) as \(session.reviewer): \(session.done)/\(session.total) decided")
    while let id = session.current {
      print("")
      print("[\(session.done + 1)/\(session.total)]")
      print(try session.card(id, width: 100, style: .plain))
      print("decision (i, e [criteria], m, s, u, q)> ", terminator: "")
      fflush(nil)
      guard let line = readLine() else { break }
      switch ScreenAction.parse(line) {
      case .decide(let verdict, let criteria):
        do {
          try session.decide(verdict, criteria: criteria)
        } catch {
          print("not recorded: \(error)")
        }
      case .skip: session.skip()
      case .undo:
        if let undone = try session.undo() { print("undone: \(undone)") } else { print("nothing to undo") }
      case .quit:
        print("stopped; \(session.done)/\(session.total) decided")
        return
      case .unknown(let text): print("`\(text)`: use i, e [criteria], m, s, u or q")
      }
    }
    print(
      session.current == nil && session.done == session.total
        ? "done: \(session.done)/\(session.total) decided at \(session.stage.rawValue)"
        : "stopped; \(session.done)/\(session.total) decided")
  }
}

/// Full-screen mode: single keys, raw terminal, restored on exit.
enum ScreenTerminal {
  static func run(_ session: inout ScreeningSession) throws {
    var original = termios()
    tcgetattr(STDIN_FILENO, &original)
    var raw = original
    // No line buffering, no echo, and Ctrl-C/Ctrl-D arrive as keys (quit), so the terminal is always restored.
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
    tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    defer {
      tcsetattr(STDIN_FILENO, TCSANOW, &original)
      print("")
    }
    var message = ""
    while let id = session.current {
      let width = max(40, min(terminalWidth() - 2, 100))
      var screen = "\u{1B}[2J\u{1B}[H"
      let header = "sift screen · \(session.stage.displayName) · \(session.reviewer)"
      let progress = "\(session.done + 1)/\(session.total)"
      screen += header + String(repeating: " ", count: max(1, width - header.count - progress.count)) + progress + "\n"
      screen += String(repeating: "─", count: width) + "\n"
      screen += try session.card(id, width: width, style: .ansi) + "\n"
      screen += String(repeating: "─", count: width) + "\n"
      screen += "i include   e exclude   m maybe   s skip   u undo   q quit\n"
      if !message.isEmpty { screen += message + "\n" }
      print(screen, terminator: "")
      fflush(nil)
      message = ""
      guard let key = readKey() else { break }
      let action = key == "\u{03}" || key == "\u{04}" ? ScreenAction.quit : ScreenAction.parse(String(key))
      switch action {
      case .decide(let verdict, _):
        var criteria: [String] = []
        if verdict == .exclude, session.stage == .fullText {
          criteria = readCriteria(original: original, raw: raw, review: session.project.review)
          if criteria.isEmpty {
            message = "not recorded: an exclusion at full-text needs a criterion"
            continue
          }
        }
        do {
          try session.decide(verdict, criteria: criteria)
        } catch {
          message = "not recorded: \(error)"
        }
      case .skip: session.skip()
      case .undo:
        message = (try session.undo()).map { "undone: \($0)" } ?? "nothing to undo"
      case .quit:
        print("\u{1B}[2J\u{1B}[Hstopped; \(session.done)/\(session.total) decided")
        return
      case .unknown: message = "use i, e, m, s, u or q"
      }
    }
    print("\u{1B}[2J\u{1B}[Hdone: \(session.done)/\(session.total) decided at \(session.stage.rawValue)")
  }

  private static func readKey() -> Character? {
    var byte: UInt8 = 0
    guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
    return Character(UnicodeScalar(byte))
  }

  private static func readCriteria(original: termios, raw: termios, review: ReviewProtocol) -> [String] {
    var cooked = original
    tcsetattr(STDIN_FILENO, TCSANOW, &cooked)
    var rawCopy = raw
    defer { tcsetattr(STDIN_FILENO, TCSANOW, &rawCopy) }
    let ids = review.criteria.map(\.id).joined(separator: " ")
    print("criteria (\(ids)), then Enter: ", terminator: "")
    fflush(nil)
    guard let line = readLine() else { return [] }
    return line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map { $0.uppercased() }
  }

  private static func terminalWidth() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
  }
}
