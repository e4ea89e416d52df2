import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KlayTypes

/// `klay attach URL`: a small console that sends JSON-RPC calls to a node over HTTP. Each line is a
/// method name followed by its parameters, either as one JSON array or as space-separated JSON values
/// (a bare word that is not JSON is taken as a string): `klay_getBalance 0xf39f… latest`.
/// Lines are kept in `~/.klay_history`; `history` lists them and `!N` runs line N again.
struct AttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attach", abstract: "Send JSON-RPC calls to a node interactively.")

    @Argument(help: "The node's HTTP JSON-RPC endpoint.")
    var url = "http://127.0.0.1:8551"

    @Option(help: "Run this one line and exit instead of reading from the terminal.")
    var exec: String?

    func run() async throws {
        guard let endpoint = URL(string: url), endpoint.scheme == "http" || endpoint.scheme == "https" else {
            throw ValidationError("the endpoint must be an http:// or https:// URL")
        }
        var console = Console(endpoint: endpoint)
        if let exec {
            print(await console.evaluate(exec))
            return
        }
        print("klaytn-swift console — \(url)  (method params…, history, !N, exit)")
        while true {
            FileHandle.standardOutput.write(Data("> ".utf8))
            guard let line = readLine() else { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "exit" || trimmed == "quit" { break }
            if trimmed.isEmpty { continue }
            print(await console.evaluate(trimmed))
        }
    }
}

/// The console's state: the endpoint, the request counter and the history.
struct Console {
    let endpoint: URL
    private var nextID = 1
    private var history: [String]
    private let historyFile = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".klay_history")

    init(endpoint: URL) {
        self.endpoint = endpoint
        history = ((try? String(contentsOf: historyFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Runs one console line and returns what to print.
    mutating func evaluate(_ line: String) async -> String {
        if line == "history" {
            return history.enumerated().map { "\($0.offset + 1)  \($0.element)" }.joined(separator: "\n")
        }
        var line = line
        if line.hasPrefix("!"), let index = Int(line.dropFirst()), history.indices.contains(index - 1) {
            line = history[index - 1]
        }
        remember(line)
        let method = String(line.prefix { !$0.isWhitespace })
        let rest = line.dropFirst(method.count).trimmingCharacters(in: .whitespaces)
        let params: JSONValue
        if rest.hasPrefix("["), let array = try? JSONValue(parsing: Array(rest.utf8)) {
            params = array
        } else {
            params = .array(rest.split(separator: " ").map { word in (try? JSONValue(parsing: Array(word.utf8))) ?? .string(String(word)) })
        }
        let request = JSONValue.object([("jsonrpc", .string("2.0")), ("id", .integer(nextID)), ("method", .string(method)),
                                        ("params", params)])
        nextID += 1
        var body: [UInt8] = []
        request.write(to: &body)
        var urlRequest = URLRequest(url: endpoint)
        urlRequest.httpMethod = "POST"
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        urlRequest.httpBody = Data(body)
        do {
            let (data, _) = try await URLSession.shared.data(for: urlRequest)
            guard let response = try? JSONValue(parsing: Array(data)) else { return String(decoding: data, as: UTF8.self) }
            if let error = response["error"] { return "error: \(error.serialized())" }
            return (response["result"] ?? .null).serialized()
        } catch {
            return "error: \(error.localizedDescription)"
        }
    }

    private mutating func remember(_ line: String) {
        history.append(line)
        try? (history.suffix(1_000).joined(separator: "\n") + "\n").write(to: historyFile, atomically: true, encoding: .utf8)
    }
}
