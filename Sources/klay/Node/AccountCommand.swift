import ArgumentParser
import Foundation
import KlayNode
import KlayPrimitives

/// `klay account new|list|import`: the keystore of a data directory (`<datadir>/keystore`).
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Manage the accounts in a data directory's keystore.",
        subcommands: [New.self, List.self, Import.self]
    )

    /// `--datadir` and `--password FILE` (the first line is the password; asked for when absent).
    struct Options: ParsableArguments {
        @Option(help: "The data directory.")
        var datadir: String
        @Option(help: "File whose first line is the password.")
        var password: String?

        func manager() throws -> AccountManager { try AccountManager(directory: NodePaths(datadir).keystore) }

        func readPassword(confirm: Bool) throws -> String {
            if let password {
                return try String(contentsOfFile: password, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                    .first.map(String.init) ?? ""
            }
            let first = String(cString: getpass("Password: "))
            if confirm && String(cString: getpass("Repeat password: ")) != first {
                throw ValidationError("passwords do not match")
            }
            return first
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a new account.")
        @OptionGroup var options: Options

        func run() throws {
            let address = try options.manager().newAccount(password: try options.readPassword(confirm: true))
            print("Address: {\(Hex.encode(address.bytes, prefix: false))}")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var options: Options

        func run() throws {
            for (index, address) in try options.manager().accounts.enumerated() {
                print("Account #\(index): {\(Hex.encode(address.bytes, prefix: false))}")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a private key from a file holding it in hex.")
        @OptionGroup var options: Options
        @Argument(help: "File holding the private key as hex.")
        var keyFile: String

        func run() throws {
            let text = try String(contentsOfFile: keyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let key = try PrivateKey(hex: text)
            let address = try options.manager().importKey(key, password: try options.readPassword(confirm: true))
            print("Address: {\(Hex.encode(address.bytes, prefix: false))}")
        }
    }
}
