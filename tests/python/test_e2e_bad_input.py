"""Bad input over HTTP gets the JSON-RPC error Klaytn gives, and the node keeps serving after each."""

import json
import urllib.error
import urllib.request

import pytest


def post(url, body, content_type="application/json"):
    request = urllib.request.Request(url, body if isinstance(body, bytes) else body.encode(), {"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def still_serving(node):
    assert node.call("eth_chainId")["result"] == hex(node.chain_id)


CASES = [
    ("malformed JSON", '{"jsonrpc":"2.0","id":1,"method":', 200, -32700, "parse error"),
    ("unknown method", '{"jsonrpc":"2.0","id":1,"method":"klay_noSuchMethod","params":[]}', 200, -32601,
     "the method klay_noSuchMethod does not exist/is not available"),
    ("wrong parameter type", '{"jsonrpc":"2.0","id":1,"method":"klay_getBalance","params":[1,"latest"]}', 200, -32602,
     "invalid argument 0: json: cannot unmarshal non-string into Go value of type common.Address"),
    ("address without 0x", '{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["f39fd6e51aad88f6f4ce6ab8827279cfffb92266","latest"]}',
     200, -32602, "invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go value of type common.Address"),
    ("too many arguments", '{"jsonrpc":"2.0","id":1,"method":"klay_getBalance","params":["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266","latest",1]}',
     200, -32602, "too many arguments, want at most 2"),
    ("undecodable raw transaction", '{"jsonrpc":"2.0","id":1,"method":"klay_sendRawTransaction","params":["0x0102"]}', 200, -32000, None),
    ("unknown transaction type", '{"jsonrpc":"2.0","id":1,"method":"klay_sendRawTransaction","params":["0x18c0"]}', 200, -32000, "undefined tx type"),
    ("empty batch", "[]", 200, -32600, "empty batch"),
]


@pytest.mark.parametrize("name,body,status,code,message", CASES, ids=[c[0] for c in CASES])
def test_bad_request_gets_the_klaytn_error(node, name, body, status, code, message):
    got_status, text = post(node.http, body)
    assert got_status == status
    answer = json.loads(text)
    assert answer["error"]["code"] == code
    if message is not None:
        assert answer["error"]["message"] == message
    still_serving(node)


def test_oversized_body_is_refused_with_413(node):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "klay_sendRawTransaction", "params": ["0x" + "00" * 300_000]})
    status, text = post(node.http, body)
    assert status == 413 and text.startswith("content length too large")
    still_serving(node)


def test_oversized_batch_is_refused_with_413(node):
    batch = json.dumps([{"jsonrpc": "2.0", "id": i, "method": "eth_blockNumber", "params": []} for i in range(12_000)])
    status, _ = post(node.http, batch)
    assert status == 413
    still_serving(node)


def test_wrong_content_type_and_method(node):
    status, text = post(node.http, '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}', content_type="text/plain")
    assert status == 415 and text.startswith("invalid content type")
    still_serving(node)


def test_invalid_signature_is_refused_by_the_pool(node):
    # A legacy transaction whose s value is zero.
    raw = "0xf85f800182520894" + "00" * 20 + "0180" + "25" + "a0" + "11" * 32 + "80"
    answer = node.call("eth_sendRawTransaction", [raw])
    assert answer["error"]["code"] == -32000
    still_serving(node)
