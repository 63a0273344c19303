"""Prints the AuthZReq dockerd sends for a `docker run` whose create body is the file given
(the body base64-encoded, as Go encodes []byte): python3 bench/serve/authz-envelope.py BODY_FILE"""
import base64
import json
import sys

body = open(sys.argv[1], "rb").read()
print(json.dumps({"RequestMethod": "POST", "RequestUri": "/v1.41/containers/create?name=web",
                  "RequestBody": base64.b64encode(body).decode(),
                  "RequestHeaders": {"Content-Type": "application/json", "User-Agent": "Docker-Client/28.2.2 (linux)"}}))
