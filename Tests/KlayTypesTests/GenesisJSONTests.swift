import KlayPrimitives
import Testing
@testable import KlayTypes

/// Reading genesis files and chain configs (spec/chain.md §5), the built-in governance bytes (§5.3),
/// and the typed errors of malformed files.
@Suite struct GenesisJSONTests {
    /// A valid genesis with `accountJSON` as the only alloc entry and `extra` spliced into the top level.
    static func genesisText(account accountJSON: String = #"{"balance": "0x1"}"#, extra: String = "",
                            address: String = "0000000000000000000000000000000000000001") -> String {
        """
        {\(extra) "config": {"chainId": 1}, "alloc": {"\(address)": \(accountJSON)}}
        """
    }

    static func parse(_ text: String) throws(GenesisError) -> Genesis { try Genesis(json: Array(text.utf8)) }

    @Test func builtInGenesisFilesParse() throws {
        let cypress = BuiltInNetwork.cypress.genesis()
        #expect(cypress.alloc.count == 7)
        #expect(cypress.timestamp == 0x5d10c5d1)
        #expect(cypress.blockScore == 1)
        #expect(try IstanbulExtra(extra: cypress.extraData).validators.count == 19)
        #expect(cypress.config == .cypress)
        let zero = try #require(cypress.alloc[.zero])
        #expect(zero.balance == 0 && zero.code.count > 700_000 && zero.storage.isEmpty)

        let baobab = BuiltInNetwork.baobab.genesis()
        #expect(baobab.alloc.count == 2)
        #expect(try IstanbulExtra(extra: baobab.extraData).validators.count == 4)
        let funded = try #require(baobab.alloc[Address(hex: "0x4937a6f664630547f6b0c3c235c4f03a64ca36b1")])
        #expect(funded.balance == (try UInt256(hex: "0x446c3b15f9926687d2c40534fdb564000000000000")))
    }

    @Test func embeddedConfigIsTheGovernanceSubsetOfTheBuiltInConfig() throws {
        let embedded = try Self.parse(BuiltInNetwork.baobab.genesisJSON).config
        #expect(embedded.chainId == 1001)
        #expect(embedded.deriveShaImpl == 2 && embedded.unitPrice == 25_000_000_000)
        #expect(embedded.istanbul == ChainConfig.baobab.istanbul)
        #expect(embedded.governance == ChainConfig.baobab.governance)
        #expect(Hardfork.allCases.allSatisfy { embedded.block(of: $0) == nil })
    }

    @Test func builtInGovernanceBytesAreSetGenesisGovernance() throws {
        let bytes = try GenesisGovernance.builtInNetwork(.cypress)
        #expect(GenesisGovernance.jsonText(of: bytes) == """
            {"governance.governancemode":"single",\
            "governance.governingnode":"0x52d41ca72af615a1ac3301b0a93efa222ecc7541",\
            "governance.unitprice":25000000000,"istanbul.committeesize":22,"istanbul.epoch":604800,\
            "istanbul.policy":2,"reward.deferredtxfee":true,"reward.minimumstake":"5000000",\
            "reward.mintingamount":"9600000000000000000","reward.proposerupdateinterval":3600,\
            "reward.ratio":"34/54/12","reward.stakingupdateinterval":86400,"reward.useginicoeff":true}
            """)
        #expect(BuiltInNetwork.cypress.genesis().governanceData == bytes)
        // No hardfork is active at genesis on the built-in networks, so `klay init` would agree.
        #expect(try GenesisGovernance.initGenesis(.cypress) == bytes)
    }

    @Test func initGovernanceAddsKIP71AndKoreItemsWhenActiveAtGenesis() throws {
        var config = ChainConfig.baobab
        for fork in Hardfork.allCases { config.setBlock(0, of: fork) }
        config.governance?.kip71 = KIP71Config.default
        config.governance?.reward?.kip82Ratio = "30/70"
        config.governance?.govParamContract = try Address(hex: "0x00000000000000000000000000000000000000aa")
        let text = try #require(GenesisGovernance.jsonText(of: GenesisGovernance.initGenesis(config)))
        for item in [#""kip71.lowerboundbasefee":25000000000"#, #""kip71.basefeedenominator":20"#,
                     #""governance.deriveshaimpl":2"#, #""reward.kip82ratio":"30/70""#,
                     #""governance.govparamcontract":"0x00000000000000000000000000000000000000aa""#] {
            #expect(text.contains(item))
        }
        #expect(!(try #require(GenesisGovernance.jsonText(of: GenesisGovernance.builtInNetwork(config)))).contains("kip71"))
    }

    @Test func chainConfigReadsEveryKey() throws {
        let text = """
            {"chainId": 2019, "istanbulCompatibleBlock": 0, "londonCompatibleBlock": 1, "ethTxTypeCompatibleBlock": 2,
             "magmaCompatibleBlock": 3, "koreCompatibleBlock": 4, "shanghaiCompatibleBlock": 5,
             "cancunCompatibleBlock": 6, "randaoCompatibleBlock": 7, "dragonCompatibleBlock": null,
             "kip103CompatibleBlock": 8, "kip103ContractAddress": "0xD5ad6D61Dd87EdabE2332607C328f5cc96aeCB95",
             "randaoRegistry": {"records": {"KIP113": "0x0000000000000000000000000000000000000403"},
                                "owner": "0x04992a2B7E7CE809d409adE32185D49A96AAa32d"},
             "istanbul": {"epoch": 30, "policy": 2, "sub": 7}, "unitPrice": 1, "deriveShaImpl": 1,
             "governance": {"governingNode": "0x0000000000000000000000000000000000000009", "governanceMode": "ballot",
                            "reward": {"mintingAmount": 115792089237316195423570985008687907853269984665640564039457584007913129639935,
                                       "ratio": "50/40/10", "kip82ratio": "10/90", "useGiniCoeff": true,
                                       "deferredTxFee": true, "stakingUpdateInterval": 10,
                                       "proposerUpdateInterval": 5, "minimumStake": 1},
                            "kip71": {"lowerboundbasefee": 1, "upperboundbasefee": 2, "gastarget": 3,
                                      "maxblockgasusedforbasefee": 4, "basefeedenominator": 5}},
             "unknownKey": {"ignored": true}}
            """
        let config = try ChainConfig(json: Array(text.utf8))
        #expect(config.chainId == 2019)
        #expect(config.block(of: .randao) == 7 && config.block(of: .dragon) == nil)
        #expect(config.isActive(.magma, at: 3) && !config.isActive(.magma, at: 2) && !config.isActive(.dragon, at: .max))
        #expect(config.isKIP103Block(8) && !config.isKIP103Block(9))
        #expect(config.randaoRegistry?.records["KIP113"] == (try Address(hex: "0x0000000000000000000000000000000000000403")))
        #expect(config.istanbul == IstanbulConfig(epoch: 30, proposerPolicy: 2, subGroupSize: 7))
        #expect(config.deriveShaImpl == 1 && config.unitPrice == 1)
        let reward = try #require(config.governance?.reward)
        #expect(reward.mintingAmount == UInt256(limbs: (.max, .max, .max, .max)))
        #expect(reward.kip82Ratio == "10/90" && reward.minimumStake == 1 && reward.proposerUpdateInterval == 5)
        #expect(config.governance?.kip71 == KIP71Config(lowerBoundBaseFee: 1, upperBoundBaseFee: 2, gasTarget: 3,
                                                        maxBlockGasUsedForBaseFee: 4, baseFeeDenominator: 5))
    }

    @Test func keysMatchCaseInsensitivelyAndTheLastDuplicateWins() throws {
        let config = try ChainConfig(json: Array(#"{"CHAINID": 5, "unitprice": 7, "unitPrice": 9}"#.utf8))
        #expect(config.chainId == 5 && config.unitPrice == 9)
    }

    @Test func defaultsFollowTheReference() {
        let config = ChainConfig().withDefaults()
        #expect(config.istanbul == IstanbulConfig(epoch: 604_800, proposerPolicy: 0, subGroupSize: 21))
        #expect(config.governance?.governanceMode == "none")
        let reward = config.governance?.reward
        #expect(reward?.mintingAmount == 0 && reward?.ratio == "100/0/0" && reward?.kip82Ratio == "20/80")
        #expect(reward?.minimumStake == 2_000_000 && reward?.stakingUpdateInterval == 86_400)
        #expect(config.governance?.kip71 == .default)
        #expect(config.unitPrice == 0)  // as in the reference; governance falls back to defaultUnitPrice
        #expect(ChainConfig().withGenesisDefaults().governance?.reward?.kip82Ratio == "")

        var clique = ChainConfig()
        clique.clique = CliqueConfig(period: 1, epoch: 30_000)
        #expect(clique.withDefaults().istanbul == nil)
    }

    @Test func genesisFieldsAndNotations() throws {
        let genesis = try Self.parse(Self.genesisText(
            account: #"{"balance": "1000", "nonce": "0x10", "code": "0x6000", "storage": {"0x01": "ff", "": "0x"}}"#,
            extra: #" "timestamp": "12", "blockScore": "0x2", "extraData": "", "governanceData": "AQI=","#,
            address: "0x00000000000000000000000000000000000000Ab"))
        #expect(genesis.timestamp == 12 && genesis.blockScore == 2 && genesis.extraData.isEmpty)
        #expect(genesis.governanceData == [1, 2])
        let account = try #require(genesis.alloc[Address(hex: "0x00000000000000000000000000000000000000ab")])
        #expect(account.balance == 1000 && account.nonce == 16 && account.code == [0x60, 0x00])
        var one = [UInt8](repeating: 0, count: 32)
        one[31] = 1
        var ff = [UInt8](repeating: 0, count: 32)
        ff[31] = 0xff
        #expect(account.storage == [try Hash(bytes: one): try Hash(bytes: ff), .zero: .zero])
    }

    static let malformedFiles: [(String, GenesisError)] = [
        ("", .invalidJSON(offset: 0, reason: "")),
        (#"{"alloc": {}}"#, .missingField(path: "config")),
        (#"{"config": null, "alloc": {}}"#, .missingField(path: "config")),
        (#"{"config": {}}"#, .missingField(path: "alloc")),
        (#"{"config": [], "alloc": {}}"#, .wrongType(path: "config", expected: "an object")),
        (#"{"config": {"chainId": "1"}, "alloc": {}}"#, .wrongType(path: "config.chainId", expected: "a number")),
        (#"{"config": {"chainId": -1}, "alloc": {}}"#, .invalidNumber(path: "config.chainId", text: "-1")),
        (#"{"config": {"unitPrice": 1.5}, "alloc": {}}"#, .invalidNumber(path: "config.unitPrice", text: "1.5")),
        (#"{"config": {"magmaCompatibleBlock": 18446744073709551616}, "alloc": {}}"#,
         .invalidNumber(path: "config.magmaCompatibleBlock", text: "18446744073709551616")),
        (#"{"config": {"governance": {"governingNode": "52d41ca72af615a1ac3301b0a93efa222ecc7541"}}, "alloc": {}}"#,
         .invalidAddress(path: "config.governance.governingNode", text: "52d41ca72af615a1ac3301b0a93efa222ecc7541")),
        (#"{"config": {}, "timestamp": 5, "alloc": {}}"#, .wrongType(path: "timestamp", expected: "a string")),
        (#"{"config": {}, "timestamp": "0x", "alloc": {}}"#, .invalidNumber(path: "timestamp", text: "0x")),
        (#"{"config": {}, "extraData": "0xzz", "alloc": {}}"#,
         .invalidHex(path: "extraData", .invalidDigit("z", offset: 0))),
        (#"{"config": {}, "extraData": "00", "alloc": {}}"#, .invalidHex(path: "extraData", .missingPrefix)),
        (#"{"config": {}, "governanceData": "AQI", "alloc": {}}"#, .invalidBase64(path: "governanceData")),
        (#"{"config": {}, "alloc": {"0x01": {"balance": "1"}}}"#, .invalidAddress(path: "alloc.0x01", text: "0x01")),
        (#"{"config": {}, "alloc": {"0000000000000000000000000000000000000001": {}}}"#,
         .missingField(path: "alloc.0000000000000000000000000000000000000001.balance")),
    ]

    @Test(arguments: malformedFiles)
    func malformedGenesisFilesGiveTypedErrors(text: String, expected: GenesisError) {
        do {
            _ = try Self.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            if case .invalidJSON = expected, case .invalidJSON = error { return }
            #expect(error == expected)
        }
    }

    static let accountPath = "alloc.0000000000000000000000000000000000000001"

    static let malformedAccounts: [(String, GenesisError)] = [
        (#"{"balance": "-1"}"#, .invalidNumber(path: accountPath + ".balance", text: "-1")),
        (#"{"balance": "12ab"}"#, .invalidNumber(path: accountPath + ".balance", text: "12ab")),
        (#"{"balance": "0x1g"}"#, .invalidNumber(path: accountPath + ".balance", text: "0x1g")),
        (#"{"balance": 1}"#, .wrongType(path: accountPath + ".balance", expected: "a string")),
        (#"{"balance": "0x1\#(String(repeating: "0", count: 64))"}"#,
         .invalidNumber(path: accountPath + ".balance", text: "0x1" + String(repeating: "0", count: 64))),
        (#"{"balance": "1", "code": "0x123"}"#, .invalidHex(path: accountPath + ".code", .oddLength(digits: 3))),
        (#"{"balance": "1", "nonce": "0x10000000000000000"}"#,
         .invalidNumber(path: accountPath + ".nonce", text: "0x10000000000000000")),
        (#"{"balance": "1", "storage": {"0x\#(String(repeating: "1", count: 66))": "0x01"}}"#,
         .storageWordTooLong(path: accountPath + ".storage.0x" + String(repeating: "1", count: 66), digits: 66)),
        (#"{"balance": "1", "storage": {"0x01": "0x\#(String(repeating: "2", count: 65))"}}"#,
         .storageWordTooLong(path: accountPath + ".storage.0x01", digits: 65)),
        (#"{"balance": "1", "storage": {"0x001": "0x01"}}"#,
         .invalidHex(path: accountPath + ".storage.0x001", .oddLength(digits: 3))),
        (#"{"balance": "1", "storage": {"0X01": "0x01"}}"#,
         .invalidHex(path: accountPath + ".storage.0X01", .invalidDigit("X", offset: 1))),
        (#"{"balance": "1", "storage": {"0x01": 1}}"#,
         .wrongType(path: accountPath + ".storage.0x01", expected: "a hex string")),
    ]

    @Test(arguments: malformedAccounts)
    func malformedAccountsGiveTypedErrors(account: String, expected: GenesisError) {
        #expect(throws: expected) { try Self.parse(Self.genesisText(account: account)) }
    }

    @Test func duplicateAddressesAreRefused() throws {
        let text = """
            {"config": {}, "alloc": {"0000000000000000000000000000000000000001": {"balance": "1"},
                                     "0x0000000000000000000000000000000000000001": {"balance": "2"}}}
            """
        #expect(throws: GenesisError.duplicateAccount(try Address(hex: "0x0000000000000000000000000000000000000001"))) {
            try Self.parse(text)
        }
    }

    @Test func initRequiresChainIdAndRewardAmounts() throws {
        #expect(throws: GenesisError.missingField(path: "config.chainId")) {
            try Self.parse(#"{"config": {}, "alloc": {}}"#).preparedForInit()
        }
        let noStake = #"{"config": {"chainId": 1, "governance": {"reward": {"mintingAmount": 0}}}, "alloc": {}}"#
        #expect(throws: GenesisError.missingField(path: "config.governance.reward.minimumStake")) {
            try Self.parse(noStake).preparedForInit()
        }
        let prepared = try Self.parse(Self.genesisText()).preparedForInit()
        #expect(prepared.config.governance?.governanceMode == "none")
        #expect(GenesisGovernance.jsonText(of: prepared.governanceData)?.contains(#""reward.ratio":"100/0/0""#) == true)
    }
}
