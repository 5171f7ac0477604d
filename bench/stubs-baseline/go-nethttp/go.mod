module hello.local/service

go 1.26
