import ArgumentParser
import Foundation
import KlayTypes
import Logging

/// `--verbosity` (Klaytn's scale: 0 critical … 5 trace, default 3 info) and `--log.format text|json`.
struct LoggingOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Log level: 0 critical, 1 error, 2 warning, 3 info, 4 debug, 5 trace.")
    var verbosity = 3

    @Option(name: .customLong("log.format"), help: "Log line format: text or json (one object per line).")
    var logFormat: Format = .text

    var level: Logger.Level {
        switch verbosity {
        case ...0: .critical
        case 1: .error
        case 2: .warning
        case 3: .info
        case 4: .debug
        default: .trace
        }
    }

    /// Sends every logger of the process to stderr in the chosen format and level.
    func bootstrap() {
        let level = level
        let format = logFormat
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = format == .json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// One JSON object per line on stderr: time, level, logger label, message and metadata.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var members: [(key: String, value: JSONValue)] = [
            ("t", .string(Date().formatted(.iso8601))), ("lvl", .string(event.level.rawValue)), ("logger", .string(label)),
            ("msg", .string(event.message.description)),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) { members.append((key, .string(value.description))) }
        var line: [UInt8] = []
        JSONValue.object(members).write(to: &line)
        line.append(0x0a)
        FileHandle.standardError.write(Data(line))
    }
}
