import KlayPrimitives
import KlayState
import KlayTypes

/// Contract creation (spec/evm.md §7).
extension EVM {
    /// CREATE (no salt) or CREATE2 (with a salt), and deploy transactions.
    public func create(caller: Address, initCode: [UInt8], gas: UInt64, value: UInt256, salt: UInt256? = nil) -> CallResult {
        let address: Address
        if let salt {
            address = Self.create2Address(caller: caller, salt: salt, initCodeHash: Keccak256.hash(initCode))
        } else {
            address = Self.createAddress(caller: caller, nonce: state.nonce(caller))
        }
        return create(at: address, caller: caller, initCode: initCode, gas: gas, value: value)
    }

    /// `keccak256(rlp([sender, nonce]))[12:]`.
    public static func createAddress(caller: Address, nonce: UInt64) -> Address {
        let encoded = RLPWriter.encode { writer in
            writer.list { list in
                caller.withUnsafeBytes { list.append(bytes: $0) }
                list.append(nonce)
            }
        }
        return Address(lastBytesOf: Keccak256.hash(encoded))
    }

    /// `keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initCode))[12:]`.
    public static func create2Address(caller: Address, salt: UInt256, initCodeHash: Hash) -> Address {
        var preimage: [UInt8] = [0xff]
        preimage += caller.bytes
        preimage += salt.bigEndianBytes
        preimage += initCodeHash.bytes
        return Address(lastBytesOf: Keccak256.hash(preimage))
    }

    func create(at address: Address, caller: Address, initCode: [UInt8], gas: UInt64, value: UInt256) -> CallResult {
        func failure(_ error: ExecutionError, gasLeft: UInt64) -> CallResult {
            CallResult(output: [], gasLeft: gasLeft, error: error, createdAddress: nil)
        }
        if depth > Self.maximumDepth { return failure(.depthExceeded, gasLeft: gas) }
        if state.balance(caller) < value { return failure(.insufficientBalance, gasLeft: gas) }
        let nonce = state.nonce(caller)
        guard nonce < .max else { return failure(.outOfGas, gasLeft: gas) }
        state.setNonce(caller, nonce + 1)
        if rules.eip2929 { state.warm(address) }
        if isCollision(at: address) { return failure(.contractAddressCollision, gasLeft: 0) }
        if rules.isKlaytn && Self.isReservedPrecompileAddress(address) { return failure(.reservedPrecompileAddress, gasLeft: gas) }

        let snapshot = state.snapshot()
        let balance = state.balance(address)
        let codeInfo = CodeInfo(vmVersion: rules.newContractVMVersion)
        if rules.isKlaytn {
            state.createAccount(address, .smartContract(nonce: 1, balance: balance, codeInfo: codeInfo))
        } else {
            state.createAccount(address, .externallyOwned(nonce: 1, balance: balance))
        }
        transfer(from: caller, to: address, value: value)
        if noRecursion && depth > 0 { return CallResult(output: [], gasLeft: gas, error: nil, createdAddress: address) }
        var result = execute(address: address, caller: caller, value: value, input: [], code: initCode, codeHash: nil,
                             gas: gas, isStatic: false)
        result.createdAddress = address
        let code = result.output
        if result.error == nil {
            if code.count > Self.maximumCodeSize {
                result.error = .maxCodeSizeExceeded
            } else if rules.eip3541 && !rules.isKlaytn && code.first == 0xef {
                result.error = .invalidCode
            } else if result.gasLeft >= UInt64(code.count) * 200 {
                result.gasLeft -= UInt64(code.count) * 200
                state.setCode(address, code, codeInfo: codeInfo)
            } else {
                result.error = .codeStoreOutOfGas
            }
        }
        if let error = result.error {
            state.revert(to: snapshot)
            if !error.returnsGas { result.gasLeft = 0 }
            if error != .executionReverted { result.output = [] }
            return result
        }
        // Klaytn's EIP-3541 check runs after the code is stored and keeps the gas (spec/evm.md §2.4).
        if rules.isKlaytn && rules.eip3541 && code.first == 0xef {
            result.error = .invalidCode
            result.output = []
        }
        return result
    }

    /// Whether an existing account occupies `address` (spec/evm.md §7.3; for Ethereum also EIP-7610's
    /// non-empty storage, which Klaytn v1.12 does not check).
    func isCollision(at address: Address) -> Bool {
        if rules.isKlaytn && !rules.shanghai { return state.exists(address) }
        let hash = state.codeHash(address)
        if state.nonce(address) != 0 || (hash != Account.emptyCodeHash && hash != .zero) { return true }
        return !rules.isKlaytn && state.hasStorage(address)
    }
}
