import Foundation
import KlayPrimitives
import Testing
@testable import KlayEVM

/// ethereum/tests GeneralStateTests under Ethereum rules, per fork (Istanbul … Cancun).
@Suite struct EthereumStateTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/vectors/ethereum/GeneralStateTests")

    static func files(in folder: String) throws -> [URL] {
        let directory = root.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw StateTestError.malformed("vectors not found at \(directory.path)")
        }
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    @Test func exampleFolderPassesOnEveryFork() throws {
        var failures: [String] = []
        var count = 0
        for file in try Self.files(in: "stExample") {
            for test in try StateTest.load(contentsOf: file) {
                for fork in EVMRules.EthereumFork.allCases {
                    for result in StateTestRunner.run(test, fork: fork.rawValue, rules: .ethereum(fork)) {
                        count += 1
                        if !result.pass { failures.append("\(result.name) \(fork) \(result.index) \(result.error ?? "root")") }
                    }
                }
            }
        }
        #expect(count > 0)
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }
}
