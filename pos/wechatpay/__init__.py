"""The WeChat Pay v2 protocol: signing, XML, the HTTP client, notifications. No Qt, no storage."""
