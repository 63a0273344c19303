package dev.shipshape.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowsContainerTest {

    @ParameterizedTest
    @ValueSource(strings = {"nats:windowsservercore", "sixeyed/nats:windowsservercore", "nats:nanoserver",
            "microsoft/mssql-server-windows-express", "mcr.microsoft.com/windows/servercore:ltsc2022",
            "mcr.microsoft.com/windows/nanoserver:1809", "mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019",
            "example/app:1.0-ltsc2025"})
    void anImageThatNamesWindowsIsAWindowsImage(String reference) {
        assertThat(WindowsContainer.windowsImage(reference)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nats:2.10", "example/windowsapp:1.0", "example/app:servercores", "mcr.microsoft.com/mssql/server:2022-latest",
            "${IMAGE}:windowsservercore", ""})
    void anImageThatDoesNotIsNot(String reference) {
        assertThat(WindowsContainer.windowsImage(reference)).isFalse();
    }
}
