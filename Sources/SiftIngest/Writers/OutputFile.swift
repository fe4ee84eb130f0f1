import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Output paths opened in place. A regular file is created or truncated; a device or a pipe (`/dev/null`,
/// `/dev/stdout`, a FIFO) is written to as it is. (`FileManager.createFile` writes a temporary file and renames it over
/// the path, which replaces a device with a regular file: run as root, `-o /dev/null` broke `/dev/null`.)
public enum OutputFile {
  /// Opens `path` for writing (created with mode 0666 less the umask, or truncated).
  public static func open(_ path: String) throws -> FileHandle {
    #if canImport(Glibc)
      let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    #else
      let fd = Darwin.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    #endif
    guard fd >= 0 else {
      throw OutputError(
        path: path,
        message: "cannot create the output file (\(String(cString: strerror(errno)))); "
          + "check that its folder exists and is writable")
    }
    return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
  }

  /// Writes `text` to `path` (see ``open(_:)``) and closes it.
  public static func write(_ text: String, to path: String) throws {
    let handle = try open(path)
    do {
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    } catch {
      throw OutputError(path: path, message: "cannot write: \(error.localizedDescription)")
    }
  }

  /// Removes a partly written output after a failure, when it is a regular file (never a device or a pipe).
  public static func removePartial(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
    unlink(path)
  }
}
