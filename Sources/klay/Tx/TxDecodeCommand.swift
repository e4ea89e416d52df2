import ArgumentParser
import Foundation
import KlayPrimitives
import KlayTypes

/// `klay tx decode`: raw transactions to Klaytn's RPC transaction objects, one JSON object per line.
struct TxDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode raw transactions into Klaytn's JSON-RPC transaction objects.",
        discussion: """
            Each RAW is hex (0x optional) in Klaytn's form (what klay_sendRawTransaction takes) or Ethereum's \
            typed form (first byte 0x01/0x02, as eth_sendRawTransaction takes). `-` reads one raw transaction \
            per line from standard input. Each input prints one line: the transaction object of \
            klay_getTransactionByHash without block location, plus `signers` (and `feePayerSigners` for \
            fee-delegated types), the addresses recovered from the signatures. An input that does not decode \
            prints {"error": "..."} with Klaytn's error text.
            """
    )

    @Flag(help: "Print JSON (the only format; kept for symmetry with `klay bench`).")
    var json = false

    @Option(name: .customLong("chain-id"), help: "Chain id for signer recovery (default: each transaction's own; 0 for unprotected legacy).")
    var chainID: UInt64?

    @Argument(help: "Raw transactions as hex, or - to read them from standard input, one per line.")
    var raw: [String]

    func run() throws {
        for argument in raw {
            if argument == "-" {
                try forEachStandardInputLine { line in
                    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !trimmed.isEmpty { emit(trimmed) }
                }
            } else {
                emit(argument)
            }
        }
    }

    private func emit(_ text: String) {
        print(Self.decode(text, chainID: chainID).serialized())
    }

    /// The output object for one input.
    static func decode(_ text: String, chainID: UInt64?) -> JSONValue {
        let bytes: [UInt8]
        do {
            bytes = try Hex.decode(text)
        } catch {
            return .object([("error", .string(error.description))])
        }
        let transaction: Transaction
        do {
            let form: Transaction.RawForm = bytes.first == 0x01 || bytes.first == 0x02 ? .ethereum : .klaytn
            transaction = try Transaction(rawBytes: bytes, form: form)
        } catch {
            return .object([("error", .string(error.description))])
        }
        var extra: [(key: String, value: JSONValue)] = []
        guard let chain = chainID ?? (transaction.chainID ?? .zero).uint64Value else {
            extra.append(("signersError", .string(TxError.invalidChainID.description)))
            return transaction.rpcJSON().setting(extra)
        }
        do {
            extra.append(("signers", addresses(try transaction.recoverSigners(chainID: chain))))
        } catch {
            extra.append(("signers", .null))
            extra.append(("signersError", .string(error.description)))
        }
        if transaction.isFeeDelegated {
            do {
                extra.append(("feePayerSigners", addresses(try transaction.recoverFeePayerSigners(chainID: chain))))
            } catch {
                extra.append(("feePayerSigners", .null))
                extra.append(("feePayerSignersError", .string(error.description)))
            }
        }
        return transaction.rpcJSON().setting(extra)
    }

    private static func addresses(_ keys: [PublicKey]) -> JSONValue {
        .array(keys.map { .string($0.address.hex) })
    }

    /// Calls `body` with each line of standard input (without its line break) as it arrives.
    /// Throws if standard input cannot be read (e.g. it is closed).
    private func forEachStandardInputLine(_ body: (String) -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var pending: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StandardInputError(code: errno)
            }
            if count == 0 { break }
            pending.append(contentsOf: buffer[..<count])
            var start = 0
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                body(String(decoding: pending[start..<newline], as: UTF8.self))
                start = newline + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { body(String(decoding: pending, as: UTF8.self)) }
    }
}

/// Standard input could not be read; the command exits with status 1.
struct StandardInputError: Error, CustomStringConvertible {
    let code: Int32
    var description: String { "cannot read standard input: \(String(cString: strerror(code)))" }
}
