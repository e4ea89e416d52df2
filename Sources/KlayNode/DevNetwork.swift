import KlayConsensus
import KlayPrimitives
import KlayTypes

/// The local development chain of `klay dev`: every hardfork this node implements active at block 0,
/// one validator, and prefunded accounts derived from a mnemonic as anvil and hardhat derive theirs
/// (`test test … junk` gives the same addresses and keys users already know).
public struct DevNetwork: Sendable {
    public static let defaultMnemonic = "test test test test test test test test test test test junk"
    /// Within 256…65535, the range the Kaia SDK's chain-id handling supports; homi's default.
    public static let defaultChainID: UInt64 = 1000
    /// 10 000 KLAY per account.
    public static let defaultBalance = UInt256(10_000) &* UInt256(1_000_000_000_000_000_000 as UInt64)

    public let chainID: UInt64
    public let accounts: [PrivateKey]
    /// The validator (and rewardbase): `m/44'/8217'/0'/0/0` of the mnemonic, Klaytn's coin type, so it
    /// is none of the funded accounts.
    public let validator: PrivateKey
    public let balance: UInt256

    public init(chainID: UInt64 = defaultChainID, accountCount: Int = 10, mnemonic: String = defaultMnemonic,
                balance: UInt256 = defaultBalance) throws {
        let derivation = try HDKeyDerivation(mnemonic: mnemonic)
        self.chainID = chainID
        accounts = try (0..<accountCount).map { index throws(SignatureError) in try derivation.ethereumAccount(UInt32(index)) }
        validator = try derivation.key(at: [44 | HDKeyDerivation.hardened, 8217 | HDKeyDerivation.hardened, HDKeyDerivation.hardened, 0, 0])
        self.balance = balance
    }

    /// The genesis of this network (see ``genesis(chainID:validator:funded:balance:)``).
    public var genesis: Genesis {
        Self.genesis(chainID: chainID, validator: validator.address, funded: accounts.map(\.address), balance: balance)
    }

    /// A one-validator genesis: Istanbul … Cancun at block 0 (Randao needs BLS keys this node does not
    /// have yet), round-robin proposers, Klaytn's mainnet reward (9.6 KLAY minted per block, fees
    /// deferred, half burnt), KIP-71 defaults, Concat derive-sha as Cypress and Baobab use, and
    /// `balance` for each of `funded`. Timestamp 0, so the same inputs always give the same genesis.
    public static func genesis(chainID: UInt64, validator: Address, funded: [Address], balance: UInt256) -> Genesis {
        var config = ChainConfig()
        config.chainId = UInt256(chainID)
        for fork in Hardfork.allCases where fork != .randao && fork != .dragon { config.setBlock(0, of: fork) }
        config.istanbul = IstanbulConfig(epoch: 604_800, proposerPolicy: 0, subGroupSize: 21)
        config.unitPrice = 25_000_000_000
        config.deriveShaImpl = 2
        config.governance = GovernanceConfig(
            governingNode: validator, governanceMode: "single",
            reward: RewardConfig(mintingAmount: UInt256(9_600_000_000_000_000_000 as UInt64), ratio: "34/54/12",
                                 kip82Ratio: "20/80", deferredTxFee: true, stakingUpdateInterval: 86_400,
                                 proposerUpdateInterval: 3_600, minimumStake: UInt256(5_000_000 as UInt64)),
            kip71: .default)
        var genesis = Genesis(config: config)
        genesis.blockScore = .one
        genesis.extraData = IstanbulExtra(validators: [validator], seal: [UInt8](repeating: 0, count: 65)).encoded
        for address in funded { genesis.alloc[address] = GenesisAccount(balance: balance) }
        return genesis
    }
}
