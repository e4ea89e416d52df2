import ArgumentParser
import Foundation
import KlayEVM
import KlayTypes

/// `klay evm statetest`: runs GeneralStateTests-format files and prints one JSON line per
/// (test, fork, data/gas/value index), then `N passed, N failed, N skipped`.
struct StateTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statetest",
        abstract: "Run state tests (files or folders) under Ethereum's or Klaytn's rules.",
        discussion: """
            Ethereum rules run the Istanbul…Cancun entries with Ethereum's account encoding and fees. Klaytn \
            rules run klaytn-tests' "Byzantium" (Klaytn genesis rules) and "Shanghai" (all Klaytn forks through \
            Shanghai-compatible) entries with Klaytn's account encoding; "Constantinople" entries are skipped, \
            as are the files Klaytn's own harness skips. A file that cannot be read is reported and skipped.
            """
    )

    @Option(help: "Which ladder and account encoding: ethereum or klaytn.")
    var rules: RulesOption = .ethereum

    @Option(help: "Only this fork label (e.g. Cancun, Byzantium).")
    var fork: String?

    @Flag(help: "Print every result as a JSON line (otherwise only failures, as text).")
    var json = false

    @Option(help: "Exit with status 1 if any fork's pass rate (percent) is below this.")
    var minPassRate: Double?

    @Argument(help: "State test files or folders.")
    var paths: [String]

    func run() throws {
        let chain: EVMRules.Chain = rules == .ethereum ? .ethereum : .klaytn
        let files = paths.flatMap(Self.jsonFiles)
        let fork = self.fork
        let json = self.json
        let tally = LargeStack.run { Self.runAll(files: files, chain: chain, fork: fork, json: json) }
        for (label, counts) in tally.perFork.sorted(by: { $0.key < $1.key }) {
            print(json ? "{\"fork\": \"\(label)\", \"passed\": \(counts.passed), \"failed\": \(counts.failed)}"
                       : "\(label): \(counts.passed) passed, \(counts.failed) failed")
        }
        print("\(tally.passed) passed, \(tally.failed) failed, \(tally.skipped) skipped")
        if let minimum = minPassRate {
            for (label, counts) in tally.perFork where counts.passed + counts.failed > 0 {
                let rate = 100 * Double(counts.passed) / Double(counts.passed + counts.failed)
                if rate < minimum {
                    throw ValidationError("\(label): pass rate \(String(format: "%.2f", rate))% is below \(minimum)%")
                }
            }
        }
    }

    struct Tally: Sendable {
        var passed = 0, failed = 0, skipped = 0
        var perFork: [String: (passed: Int, failed: Int)] = [:]
    }

    static func runAll(files: [String], chain: EVMRules.Chain, fork: String?, json: Bool) -> Tally {
        var tally = Tally()
        for path in files {
            if StateTestLadder.isSkipped(path: path, chain: chain) {
                tally.skipped += 1
                continue
            }
            let tests: [StateTest]
            do {
                tests = try StateTest.load(contentsOf: URL(fileURLWithPath: path))
            } catch {
                print(JSONValue.object([("name", .string(path)), ("pass", .bool(false)), ("error", .string("\(error)"))]).serialized())
                tally.failed += 1
                continue
            }
            for test in tests {
                for label in test.post.keys.sorted() where fork == nil || fork == label {
                    guard let rules = StateTestLadder.rules(forLabel: label, chain: chain) else {
                        tally.skipped += test.post[label]?.count ?? 0
                        continue
                    }
                    for result in StateTestRunner.run(test, fork: label, rules: rules) {
                        if result.pass { tally.passed += 1 } else { tally.failed += 1 }
                        tally.perFork[label, default: (0, 0)].passed += result.pass ? 1 : 0
                        tally.perFork[label, default: (0, 0)].failed += result.pass ? 0 : 1
                        if json || !result.pass { print(line(for: result, json: json)) }
                    }
                }
            }
        }
        return tally
    }

    static func line(for result: StateTestResult, json: Bool) -> String {
        guard json else {
            return "FAIL \(result.name) \(result.fork) data=\(result.index.data) gas=\(result.index.gas) value=\(result.index.value): \(result.error ?? "state root mismatch")"
        }
        let index = JSONValue.object([("data", .number(String(result.index.data))), ("gas", .number(String(result.index.gas))),
                                      ("value", .number(String(result.index.value)))])
        return JSONValue.object([
            ("name", .string(result.name)), ("fork", .string(result.fork)), ("index", index),
            ("pass", .bool(result.pass)), ("stateRoot", .string(result.stateRoot.hex)), ("logsHash", .string(result.logsHash.hex)),
            ("error", result.error.map { .string($0) } ?? .null),
        ]).serialized()
    }

    /// `path` itself if it is a file, else every `.json` file below it, sorted.
    static func jsonFiles(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
    }
}
