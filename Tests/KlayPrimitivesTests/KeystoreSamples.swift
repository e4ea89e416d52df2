// Keystore samples from Klaytn's own tests, kept verbatim so our reader is checked against files
// Klaytn writes and reads.
//
// Source: github.com/klaytn/klaytn (LGPL-3.0), accounts/keystore/keystore_passphrase_test.go
// (TestKeyDecryptV4Single, TestKeyDecryptV4Multiple, TestKeyDecryptV3; the 30-key role-based sample is left out
// for size: role-based files are covered by the write → read round trip),
// commit 32b13162. Every sample's password is "password".

/// One Klaytn key file sample with the address and private keys (by role) its test expects.
struct KeystoreSample {
    let name: String
    let json: String
    let password: String
    let address: String
    let keys: [[String]]
}

enum KlaytnKeystoreSamples {
    /// TestKeyDecryptV4Single.
    static let v4Single = KeystoreSample(
        name: "TestKeyDecryptV4Single",
        json: #"""
{
    "version": 4,
	"id": "7a0a8557-22a5-4c90-b554-d6f3b13783ea",
	"address": "0x86bce8c859f5f304aa30adb89f2f7b6ee5a0d6e2",
    "keyring": [
		{
			"ciphertext": "696d0e8e8bd21ff1f82f7c87b6964f0f17f8bfbd52141069b59f084555f277b7",
			"cipherparams": { "iv": "1fd13e0524fa1095c5f80627f1d24cbd" },
			"cipher": "aes-128-ctr",
			"kdf": "scrypt",
			"kdfparams": {
				"dklen": 32,
				"salt": "7ee980925cef6a60553cda3e91cb8e3c62733f64579f633d0f86ce050c151e26",
				"n": 4096,
				"r": 8,
				"p": 1
			},
			"mac": "8684d8dc4bf17318cd46c85dbd9a9ec5d9b290e04d78d4f6b5be9c413ff30ea4"
		}
    ]
}
"""#,
        password: "password",
        address: "0x86bce8c859f5f304aa30adb89f2f7b6ee5a0d6e2",
        keys: [
            [
                "36e0a792553f94a7660e5484cfc8367e7d56a383261175b9abced7416a5d87df",
            ],
        ]
    )

    /// TestKeyDecryptV4Multiple.
    static let v4Multiple = KeystoreSample(
        name: "TestKeyDecryptV4Multiple",
        json: #"""
{
	"version": 4,
	"id": "55da3f9c-6444-4fc1-abfa-f2eabfc57501",
	"address": "0x86bce8c859f5f304aa30adb89f2f7b6ee5a0d6e2",
	"keyring": [
		{
			"ciphertext": "93dd2c777abd9b80a0be8e1eb9739cbf27c127621a5d3f81e7779e47d3bb22f6",
			"cipherparams": { "iv": "84f90907f3f54f53d19cbd6ae1496b86" },
			"cipher": "aes-128-ctr",
			"kdf": "scrypt",
			"kdfparams": {
				"dklen": 32,
				"salt": "69bf176a136c67a39d131912fb1e0ada4be0ed9f882448e1557b5c4233006e10",
				"n": 4096,
				"r": 8,
				"p": 1
			},
			"mac": "8f6d1d234f4a87162cf3de0c7fb1d4a8421cd8f5a97b86b1a8e576ffc1eb52d2"
		},
		{
			"ciphertext": "53d50b4e86b550b26919d9b8cea762cd3c637dfe4f2a0f18995d3401ead839a6",
			"cipherparams": { "iv": "d7a6f63558996a9f99e7daabd289aa2c" },
			"cipher": "aes-128-ctr",
			"kdf": "scrypt",
			"kdfparams": {
				"dklen": 32,
				"salt": "966116898d90c3e53ea09e4850a71e16df9533c1f9e1b2e1a9edec781e1ad44f",
				"n": 4096,
				"r": 8,
				"p": 1
			},
			"mac": "bca7125e17565c672a110ace9a25755847d42b81aa7df4bb8f5ce01ef7213295"
		}
	]
}
"""#,
        password: "password",
        address: "0x86bce8c859f5f304aa30adb89f2f7b6ee5a0d6e2",
        keys: [
            [
                "d1e9f8f00ef9f93365f5eabccccb3f3c5783001b61a40f0f74270e50158c163d",
                "4bd8d0b0c1575a7a35915f9af3ef8beb11ad571337ec9b6aca7c88ca7458ef5c",
            ],
        ]
    )

    /// TestKeyDecryptV3.
    static let v3 = KeystoreSample(
        name: "TestKeyDecryptV3",
        json: #"""
{
    "version": 3,
	"id": "7a0a8557-22a5-4c90-b554-d6f3b13783ea",
	"address": "0x86bce8c859f5f304aa30adb89f2f7b6ee5a0d6e2",
    "crypto": {
		"ciphertext": "696d0e8e8bd21ff1f82f7c87b6964f0f17f8bfbd52141069b59f084555f277b7",
		"cipherparams": { "iv": "1fd13e0524fa1095c5f80627f1d24cbd" },
		"cipher": "aes-128-ctr",
		"kdf": "scrypt",
		"kdfparams": {
			"dklen": 32,
			"salt": "7ee980925cef6a60553cda3e91cb8e3c62733f64579f633d0f86ce050c151e26",
			"n": 4096,
			"r": 8,
			"p": 1
		},
		"mac": "8684d8dc4bf17318cd46c85dbd9a9ec5d9b290e04d78d4f6b5be9c413ff30ea4"
	}
}
"""#,
        password: "password",
        address: "0x86bce8c859f5f304aa30adb89f2f7b6ee5a0d6e2",
        keys: [
            [
                "36e0a792553f94a7660e5484cfc8367e7d56a383261175b9abced7416a5d87df",
            ],
        ]
    )

    static let all = [v4Single, v4Multiple, v3]
}
