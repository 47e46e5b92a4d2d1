#!/bin/bash
# Container health: /health/ready answers 200. Plain bash (/dev/tcp): the base image need not carry curl or wget.
exec 3<>"/dev/tcp/127.0.0.1/${ZEMO_HTTP_PORT:-8080}" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ "$status" == *" 200"* ]]
