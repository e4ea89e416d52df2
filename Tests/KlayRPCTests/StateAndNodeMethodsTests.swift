import KlayNode
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// State readers, fees, governance, consensus information and the `eth` stand-ins.
struct StateAndNodeMethodsTests {
    @Test func stateReaders() async throws {
        let fixture = try NodeFixture.reading()
        let creation = fixture.logEmittingCreation(from: 0, nonce: 0, topic: FilterMethodsTests.topic)
        try fixture.include([creation])
        let sender = fixture.keys[0].address.hex
        let receipt = try await fixture.call("klay_getTransactionReceipt", [.string(creation.hash.hex)])
        guard case .string(let contract)? = receipt["contractAddress"] else { Issue.record("no contract"); return }

        #expect(await fixture.text("eth_getBalance", [.string(fixture.keys[1].address.hex), .string("latest")]) == #""0xd3c21bcecceda1000000""#)
        #expect(await fixture.text("klay_getCode", [.string(contract), .string("latest")]) == #""0x""#)
        #expect(await fixture.text("klay_getStorageAt", [.string(contract), .string("0x0"), .string("latest")]) == #""\#(Hash.zero.hex)""#)
        #expect(try StorageKey.hash("0x1") == Hash(bytes: [UInt8](repeating: 0, count: 31) + [1]))
        #expect(try StorageKey.hash("12zz") == Hash(bytes: [UInt8](repeating: 0, count: 31) + [0x12]))
        #expect(await fixture.text("klay_getTransactionCount", [.string(sender), .string("latest")]) == #""0x1""#)
        #expect(await fixture.text("klay_accountCreated", [.string(contract), .string("latest")]) == "true")
        #expect(await fixture.text("klay_accountCreated", [.string(Address.zero.hex), .string("0x0")]) == "false")
        #expect(await fixture.text("klay_isContractAccount", [.string(contract), .string("latest")]) == "false", "no code was stored")
        #expect(await fixture.text("klay_isContractAccount", [.string(sender), .string("latest")]) == "false")
        #expect(await fixture.text("klay_getAccountKey", [.string(sender), .string("latest")]) == #"{"keyType":1,"key":{}}"#)
        #expect(await fixture.text("klay_getAccountKey", [.string(Address.zero.hex), .string("latest")]) == "null")
        #expect(await fixture.text("klay_getAccount", [.string(Address.zero.hex), .string("latest")]) == "null")
        let account = try await fixture.call("klay_getAccount", [.string(sender), .string("latest")])
        #expect(account.serialized().hasPrefix(#"{"accType":1,"account":{"nonce":1,"balance":"0x"#))
        #expect(account.serialized().hasSuffix(#","humanReadable":false,"key":{"keyType":1,"key":{}}}}"#))
        let contractAccount = try await fixture.call("klay_getAccount", [.string(contract), .string("latest")])
        #expect(contractAccount.serialized()
            == #"{"accType":2,"account":{"nonce":1,"balance":"0x0","humanReadable":false,"key":{"keyType":3,"key":{}},"storageRoot":"\#(Account.emptyStorageRoot.hex)","codeHash":"xdJGAYb3IzySfn2y3McDwOUAtlPKgic7e/rYBF2FpHA=","codeFormat":0,"vmVersion":1}}"#)
        #expect(await fixture.text("klay_getBalance", [.string(sender)]) == "error -32602 missing value for required argument 1")
        #expect(await fixture.text("klay_getBalance", [.string("0x12"), .string("latest")])
            == "error -32602 invalid argument 0: hex string has length 2, want 40 for common.Address")
    }

    @Test func accountKeyJSON() throws {
        let key = try PrivateKey(bytes: Keccak256.hash([7]).bytes)
        let coordinates = key.publicKey.uncompressed.dropFirst()
        let x = UInt256(bigEndian: coordinates.prefix(32))!.hexString, y = UInt256(bigEndian: coordinates.suffix(32))!.hexString
        let weighted = AccountKey.weightedMultiSig(threshold: 2, keys: [WeightedPublicKey(weight: 1, publicKey: key.publicKey)])
        #expect(AccountJSON.key(.roleBased([.public(key.publicKey), weighted, .fail])).serialized()
            == #"{"keyType":5,"key":[{"keyType":2,"key":{"x":"\#(x)","y":"\#(y)"}},{"keyType":4,"key":{"threshold":2,"keys":[{"weight":1,"key":{"x":"\#(x)","y":"\#(y)"}}]}},{"keyType":3,"key":{}}]}"#)
    }

    @Test func feesAndGovernance() async throws {
        let fixture = try NodeFixture.reading()
        let baseFee = try #require(fixture.services.chain.processor.baseFee(childOf: fixture.services.chain.head))
        #expect(await fixture.text("klay_gasPrice") == #""\#((baseFee &* UInt256(2)).hexString)""#)
        #expect(await fixture.text("eth_maxPriorityFeePerGas") == #""0x0""#)
        #expect(await fixture.text("klay_upperBoundGasPrice") == #""0xae9f7bcc00""#)
        #expect(await fixture.text("eth_lowerBoundGasPrice") == #""0x5d21dba00""#)
        try fixture.include([fixture.valueTransfer(from: 0, to: 1, nonce: 0)])
        let head = fixture.services.chain.head
        let next = try #require(fixture.services.chain.processor.baseFee(childOf: head))
        let genesisBaseFee = try #require(fixture.services.header(.earliest)?.baseFee)
        let history = await fixture.text("eth_feeHistory", [.string("0x2"), .string("latest"), .array([.integer(50)])])
        #expect(history
            == #"{"oldestBlock":"0x0","reward":[["0x0"],["\#(head.baseFee!.hexString)"]],"baseFeePerGas":["\#(genesisBaseFee.hexString)","\#(head.baseFee!.hexString)","\#(next.hexString)"],"gasUsedRatio":[0,2.1000000000021e-8]}"#)
        #expect(await fixture.text("klay_feeHistory", [.integer(1), .string("latest"), .null])
            == #"{"oldestBlock":"0x1","baseFeePerGas":["\#(head.baseFee!.hexString)","\#(next.hexString)"],"gasUsedRatio":[2.1000000000021e-8]}"#)
        #expect(await fixture.text("klay_feeHistory", [.string("0x0"), .string("latest"), .array([])]) == #"{"oldestBlock":"0x0","gasUsedRatio":null}"#)
        #expect(await fixture.text("klay_feeHistory", [.integer(1), .string("0x9"), .array([])])
            == "error -32000 request beyond head block: requested 9, head 1")
        #expect(await fixture.text("klay_feeHistory", [.integer(1), .string("latest"), .array([.integer(60), .integer(10)])])
            == "error -32000 invalid reward percentile: #0:60.000000 > #1:10.000000")
        #expect(await fixture.text("klay_feeHistory", [.integer(1), .string("latest"), .array([.integer(101)])])
            == "error -32000 invalid reward percentile: 101.000000")
        #expect(await fixture.text("klay_feeHistory", [.string("zz"), .string("latest"), .array([])])
            == "error -32602 invalid argument 0: hex string without 0x prefix")

        let validator = fixture.workload.validator.address.hex
        #expect(await fixture.text("governance_getParams")
            == #"{"governance.deriveshaimpl":2,"governance.governancemode":"single","governance.governingnode":"\#(validator)","governance.govparamcontract":"0x0000000000000000000000000000000000000000","governance.unitprice":25000000000,"istanbul.committeesize":21,"istanbul.epoch":604800,"istanbul.policy":0,"kip71.basefeedenominator":20,"kip71.gastarget":30000000,"kip71.lowerboundbasefee":25000000000,"kip71.maxblockgasusedforbasefee":60000000,"kip71.upperboundbasefee":750000000000,"reward.deferredtxfee":true,"reward.kip82ratio":"20/80","reward.minimumstake":"5000000","reward.mintingamount":"9600000000000000000","reward.proposerupdateinterval":3600,"reward.ratio":"34/54/12","reward.stakingupdateinterval":86400,"reward.useginicoeff":false}"#)
        #expect(await fixture.text("klay_getParams", [.string("latest")]) == fixture.text("governance_getParams"))
        #expect(try await fixture.call("eth_getChainConfig") == fixture.services.chain.config.withDefaults().json)
        #expect(await fixture.text("governance_nodeAddress") == #""\#(validator)""#)
        #expect(await fixture.text("klay_nodeAddress") == #""\#(validator)""#)
    }

    @Test func consensusInformation() async throws {
        let fixture = try NodeFixture.reading()
        let validator = fixture.workload.validator.address.hex
        let transfer = fixture.valueTransfer(from: 0, to: 1, nonce: 0)
        let block = try fixture.include([transfer])
        #expect(await fixture.text("klay_getCouncil") == #"["\#(validator)"]"#)
        #expect(await fixture.text("klay_getCouncilSize", [.string("0x0")]) == "1")
        #expect(await fixture.text("klay_getCommittee", [.string("latest")]) == #"["\#(validator)"]"#)
        #expect(await fixture.text("klay_getCommitteeSize", [.string("pending")]) == "error -32000 pending is not allowed")
        #expect(await fixture.text("klay_getCommittee", [.string("0x7")]) == "error -32000 unknown block")

        let info = try await fixture.call("klay_getBlockWithConsensusInfoByNumber", [.string("0x1")])
        #expect(info["committee"] == .array([.string(validator)]) && info["committers"] == .array([.string(validator)]))
        #expect(info["proposer"] == .string(validator) && info["originProposer"] == .string(validator) && info["round"] == .number("0"))
        #expect(info["sigHash"] == .string(block.header.sealHash.hex))
        let receipt = try await fixture.call("klay_getTransactionReceipt", [.string(transfer.hash.hex)])
        #expect(info["transactions"] == .array([receipt]))
        #expect(try await fixture.call("klay_getBlockWithConsensusInfoByHash", [.string(block.hash.hex)]) == info)
        let genesis = try await fixture.call("klay_getBlockWithConsensusInfoByNumber", [.string("earliest")])
        #expect(genesis["committee"] == .null && genesis["round"] == .number("0") && genesis["transactions"] == .array([]))
        #expect(await fixture.text("klay_getBlockWithConsensusInfoByNumber") == "error -32000 block number is not assigned")
        #expect(await fixture.text("klay_getBlockWithConsensusInfoByNumber", [.string("pending")]) == "error -32000 pending is not allowed")
        let range = try await fixture.call("klay_getBlockWithConsensusInfoByNumberRange", [.string("0x0"), .string("0x1")])
        #expect(range["0x1"] == info && range["0x0"] == genesis)
        #expect(await fixture.text("klay_getBlockWithConsensusInfoByNumberRange", [.string("0x0"), .string("0x5")])
            == "error -32000 end block number should be smaller than the latest block number")
        #expect(await fixture.text("klay_getBlockWithConsensusInfoByNumberRange", [.string("0x1"), .string("0x0")])
            == "error -32000 start should be smaller than end")
        #expect(await fixture.text("klay_getBlockWithConsensusInfoByNumberRange", [.string("0x1")])
            == "error -32000 range values should not be nil")
    }

    @Test func ethereumFormatsAndStandIns() async throws {
        let fixture = try NodeFixture.reading()
        let block = try fixture.include([fixture.valueTransfer(from: 0, to: 1, nonce: 0)])
        let header = block.header
        let headerSize = EthBlockJSON.goHeaderSize(header)
        let ethHeader = #"{"baseFeePerGas":"\#(header.baseFee!.hexString)","difficulty":"0x1","extraData":"0x","gasLimit":"0xe8d4a50fff","gasUsed":"0x5208","hash":"\#(block.hash.hex)","logsBloom":"\#(header.bloom.hex)","miner":"\#(fixture.workload.validator.address.hex)","mixHash":"\#(Hash.zero.hex)","nonce":"0x0000000000000000","number":"0x1","parentHash":"\#(header.parentHash.hex)","receiptsRoot":"\#(header.receiptsRoot.hex)","sha3Uncles":"0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347","size":"\#(UInt256(UInt64(headerSize)).hexString)","stateRoot":"\#(header.stateRoot.hex)","timestamp":"\#(header.time.hexString)","totalDifficulty":"0x2","transactionsRoot":"\#(header.transactionsRoot.hex)"}"#
        #expect(await fixture.text("eth_getHeaderByNumber", [.string("0x1")]) == ethHeader)
        #expect(await fixture.text("eth_getHeaderByHash", [.string(block.hash.hex)]) == ethHeader)
        #expect(headerSize == 576 + header.extra.count + (1 + 1 + header.time.bitLength) / 8 + header.baseFee!.bitLength / 8)
        let ethBlock = try await fixture.call("eth_getBlockByNumber", [.string("latest"), .bool(false)])
        #expect(ethBlock["uncles"] == .array([]) && ethBlock["size"] == .string(UInt256(UInt64(block.encoded.count)).hexString))
        #expect(ethBlock["transactions"] == .array([.string(block.transactions[0].hash.hex)]))
        let genesis = try await fixture.call("eth_getBlockByNumber", [.string("0x0"), .bool(true)])
        #expect(genesis["miner"] == .string(Address.zero.hex))

        let unknown = Keccak256.hash([UInt8]([9])).hex
        for (method, params) in [("eth_getBlockByNumber", [JSONValue.string("0x9"), .bool(false)]), ("eth_getBlockByHash", [.string(unknown), .bool(true)]),
                                 ("eth_getHeaderByNumber", [.string("0x9")]), ("eth_getHeaderByHash", [.string(unknown)]),
                                 ("eth_getBlockTransactionCountByNumber", [.string("0x9")]), ("eth_getUncleCountByBlockHash", [.string(unknown)]),
                                 ("eth_getTransactionByBlockHashAndIndex", [.string(unknown), .string("0x0")]),
                                 ("eth_getUncleByBlockNumberAndIndex", [.string("0x1"), .string("0x0")])] {
            #expect(await fixture.text(method, params) == "null", "\(method)")
        }
        #expect(await fixture.text("eth_getBlockReceipts", [.string("0x9")]) == "error -32000 the block does not exist (block number: 9)")
        #expect(await fixture.text("eth_getUncleCountByBlockNumber", [.string("latest")]) == #""0x0""#)
        #expect(await fixture.text("eth_getBlockTransactionCountByHash", [.string(block.hash.hex)]) == #""0x1""#)
        #expect(await fixture.text("eth_blockNumber") == #""0x1""#)
        #expect(await fixture.text("eth_chainId") == #""0x7e3""#)
        #expect(await fixture.text("eth_coinbase") == #""\#(fixture.services.nodeAddress.hex)""#)
        #expect(await fixture.text("eth_etherbase") == #""\#(fixture.services.nodeAddress.hex)""#)
        #expect(await fixture.text("eth_mining") == "false")
        #expect(await fixture.text("eth_syncing") == "false")
        #expect(await fixture.text("eth_hashrate") == #""0x0""#)
        #expect(await fixture.text("eth_getHashrate") == "0")
        #expect(await fixture.text("eth_getWork") == "error -32000 no mining work available yet")
        #expect(await fixture.text("eth_submitWork", [.string("0x0000000000000001"), .string(Hash.zero.hex), .string(Hash.zero.hex)]) == "false")
        #expect(await fixture.text("eth_submitWork", [.string("0x01"), .string(Hash.zero.hex), .string(Hash.zero.hex)])
            == "error -32602 invalid argument 0: hex string has length 2, want 16 for BlockNonce")
        #expect(await fixture.text("eth_submitHashrate", [.string("0x1"), .string(Hash.zero.hex)]) == "false")
    }
}
