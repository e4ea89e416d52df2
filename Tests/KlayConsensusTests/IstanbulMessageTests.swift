import KlayConsensus
import KlayPrimitives
import KlayTypes
import Testing

@Suite struct IstanbulMessageTests {
    let key = ConsensusFixtures.key(3)
    let subject = Subject(view: ConsensusView(sequence: 7, round: 1), digest: Keccak256.hash([1]), parentHash: Keccak256.hash([2]))

    @Test func subjectLayoutIsViewDigestPrevHash() throws {
        var expected = RLPWriter()
        expected.list { list in
            list.list { view in
                view.append(UInt64(1))  // round first
                view.append(UInt64(7))
            }
            list.append(bytes: subject.digest.bytes)
            list.append(bytes: subject.parentHash.bytes)
        }
        #expect(subject.encoded == expected.bytes)
        #expect(try Subject(encoded: subject.encoded) == subject)
    }

    @Test func messageLayoutAndSignature() throws {
        let seal = IstanbulSealing.commitSeal(blockHash: subject.digest, with: key)
        let message = IstanbulMessage.signed(code: .commit, body: subject.encoded, parentHash: subject.parentHash,
                                             committedSeal: seal, by: key)
        var expected = RLPWriter()
        expected.list { list in
            list.append(bytes: subject.parentHash.bytes)
            list.append(UInt64(2))
            list.append(bytes: subject.encoded)
            list.append(bytes: key.address.bytes)
            list.append(bytes: message.signature)
            list.append(bytes: seal)
        }
        #expect(message.encoded == expected.bytes)
        #expect(try IstanbulMessage(encoded: message.encoded) == message)
        #expect(try message.signer() == key.address)
        // The signature covers the message with an empty signature field.
        var unsigned = message
        unsigned.signature = []
        #expect(message.signedBytes == unsigned.encoded)
        #expect(try MessageBody(of: message) == .commit(subject))
    }

    @Test func preprepareRoundTrip() throws {
        let validators = ValidatorSet([key.address])
        let header = ConsensusFixtures.proposal(on: ConsensusFixtures.genesis(validators: validators),
                                                validators: validators, proposer: key)
        let preprepare = Preprepare(view: ConsensusView(sequence: 1, round: 0), proposal: Block(header: header))
        #expect(try Preprepare(encoded: preprepare.encoded) == preprepare)
        let message = IstanbulMessage.signed(code: .preprepare, body: preprepare.encoded, parentHash: header.parentHash, by: key)
        #expect(try MessageBody(of: message).view == preprepare.view)
    }

    @Test func malformedMessagesAreInvalid() {
        #expect(throws: IstanbulCoreError.invalidMessage) { try IstanbulMessage(encoded: [0xc0]) }
        var unknownCode = IstanbulMessage.signed(code: .prepare, body: subject.encoded, parentHash: .zero, by: key).encoded
        unknownCode[35] = 9  // the code, after the 2-byte list header and the 33-byte hash string
        #expect(throws: IstanbulCoreError.invalidMessage) { try IstanbulMessage(encoded: unknownCode) }
        let badBody = IstanbulMessage.signed(code: .prepare, body: [0x01], parentHash: .zero, by: key)
        #expect(throws: IstanbulCoreError.invalidMessage) { try MessageBody(of: badBody) }
        let roundChange = IstanbulMessage.signed(code: .roundChange, body: subject.encoded, parentHash: .zero, by: key)
        #expect(throws: IstanbulCoreError.roundChangeUnsupported) { try MessageBody(of: roundChange) }
    }
}
