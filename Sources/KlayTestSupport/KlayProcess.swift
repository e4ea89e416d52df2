import Foundation

/// The `klay` executable built next to the tests, run as a child process by the crash tests.
public enum KlayProcess {
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "\(path) is missing: build it first with `swift build --product klay` (`make test` does)" }
    }

    /// What a killed child printed, and whether it was still running when the kill came.
    public struct Killed: Sendable {
        /// Complete lines of standard output (a line cut by the kill, without its newline, is dropped).
        public let lines: [Substring]
        public let errors: String
        /// False when the child had stopped by itself before the kill.
        public let wasRunning: Bool
    }

    /// `.build/debug/klay` below the package root (`make test` builds it before `swift test`).
    public static func binary() throws -> URL {
        let binary = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // KlayTestSupport
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent(".build/debug/klay")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw Missing(path: binary.path) }
        return binary
    }

    /// Starts `klay arguments…`, SIGKILLs it after `delay`, and returns what it printed.
    public static func runAndKill(_ arguments: [String], after delay: Duration) async throws -> Killed {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try await Task.sleep(for: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Killed(lines: Array(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()), errors: errorText,
                      wasRunning: process.terminationReason == .uncaughtSignal)
    }
}
