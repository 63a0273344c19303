# escape=`

# Windows images write paths with backslashes, so the backtick escapes.
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\app
RUN New-Item -ItemType Directory -Path C:\app\logs; `
    Set-Content -Path C:\app\ready.txt -Value ok
COPY bin\ C:\app\
USER ContainerUser
HEALTHCHECK NONE
ENTRYPOINT ["C:\\app\\service.exe"]
