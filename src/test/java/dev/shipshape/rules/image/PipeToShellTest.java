package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.shipshape.model.Origin;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as running downloaded code, both ways; the fixtures cover locations and stages. */
class PipeToShellTest {

    static Stream<Arguments> downloadedCode() {
        return Stream.of(
                arguments("RUN curl -fsSL https://get.docker.com | sh",
                        "curl https://get.docker.com | sh"),
                arguments("RUN curl -sSL https://deb.nodesource.com/setup_20.x | bash -",
                        "curl https://deb.nodesource.com/setup_20.x | bash"),
                arguments("RUN curl --proto '=https' -sSf https://sh.rustup.rs | sh -s -- -y",
                        "curl https://sh.rustup.rs | sh"),
                arguments("RUN wget -qO- https://install.example.com/x.sh | sudo -E bash -s -- --yes",
                        "wget https://install.example.com/x.sh | sudo bash"),
                arguments("RUN wget -O - https://example.com/i.sh | sh",
                        "wget https://example.com/i.sh | sh"),
                arguments("RUN wget --output-document=- https://example.com/i.sh | zsh",
                        "wget https://example.com/i.sh | zsh"),
                arguments("RUN curl -sSL https://install.python-poetry.org | python3 -",
                        "curl https://install.python-poetry.org | python3"),
                arguments("RUN curl -L https://cpanmin.us | perl - App::cpanminus",
                        "curl https://cpanmin.us | perl"),
                arguments("RUN curl -fsSL https://bun.sh/install | /bin/bash",
                        "curl https://bun.sh/install | bash"),
                arguments("RUN curl -s https://x.io/i.sh | tee /tmp/i.sh | sh",
                        "curl https://x.io/i.sh | sh"),
                arguments("RUN curl -s https://x.io/i.sh.gz | gunzip | sh",
                        "curl https://x.io/i.sh.gz | sh"),
                arguments("RUN curl -s $URL | bash /dev/stdin --flag",
                        "curl … | bash"),
                arguments("RUN curl -s https://x.io/i | env VERSION=1 sh",
                        "curl https://x.io/i | sh"),
                arguments("RUN curl -fsSL https://x.io/i -o - | sh",
                        "curl https://x.io/i | sh"),
                arguments("RUN busybox wget -qO- https://x.io/i | sh",
                        "wget https://x.io/i | sh"),
                arguments("RUN curl -s https://x.io/i | node",
                        "curl https://x.io/i | node"),
                arguments("RUN curl -s https://x.io/i | ruby",
                        "curl https://x.io/i | ruby"),
                arguments("RUN curl -s https://x.io/i | source /dev/stdin",
                        "curl https://x.io/i | source"),
                arguments("RUN set -eux; if [ -n \"$X\" ]; then curl -fsSL https://x.io/i | sh; fi",
                        "curl https://x.io/i | sh"),
                arguments("RUN (curl -fsSL https://x.io/i) | sh",
                        "curl https://x.io/i | sh"),
                arguments("RUN sh -c \"$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)\"",
                        "sh \"$(curl https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)\""),
                arguments("RUN bash -c \"$(wget -qO- https://x.io/i)\"",
                        "bash \"$(wget https://x.io/i)\""),
                arguments("RUN /bin/bash -c `curl -s https://x.io/i`",
                        "bash \"$(curl https://x.io/i)\""),
                arguments("RUN eval \"$(curl -fsSL https://x.io/env)\"",
                        "eval \"$(curl https://x.io/env)\""),
                arguments("RUN bash <(curl -s https://x.io/i)",
                        "bash <(curl https://x.io/i)"),
                arguments("RUN . <(curl -s https://x.io/i)",
                        ". <(curl https://x.io/i)"),
                arguments("RUN python3 -c \"$(curl -fsSL https://x.io/i.py)\"",
                        "python3 \"$(curl https://x.io/i.py)\""),
                arguments("RUN sh -c 'curl -fsSL https://x.io/i | sh'",
                        "curl https://x.io/i | sh"),
                arguments("RUN su -c 'curl -fsSL https://x.io/i | sh' app",
                        "curl https://x.io/i | sh"),
                arguments("RUN [\"/bin/sh\", \"-c\", \"curl -fsSL https://x.io/i | sh\"]",
                        "curl https://x.io/i | sh"),
                arguments("RUN echo $(curl -fsSL https://x.io/i | sh)",
                        "curl https://x.io/i | sh"),
                arguments("RUN curl -fsSL https://x.io/i \\\n  | sh",
                        "curl https://x.io/i | sh"),
                arguments("RUN apt-get update && curl -fsSL https://x.io/i | bash && rm -rf /var/lib/apt/lists/*",
                        "curl https://x.io/i | bash"),
                arguments("RUN curl -fsSL https://x.io/i 2>/dev/null | sh >/dev/null 2>&1",
                        "curl https://x.io/i | sh"),
                arguments("RUN curl -fsSL https://x.io/i |& sh",
                        "curl https://x.io/i | sh"),
                arguments("RUN <<EOF\nset -e\ncurl -fsSL https://x.io/i | sh\nEOF",
                        "curl https://x.io/i | sh"),
                arguments("RUN <<EOF bash\ncurl -fsSL https://x.io/i | sh\nEOF",
                        "curl https://x.io/i | sh"),
                arguments("RUN <<EOF\n#!/bin/bash\ncurl -fsSL https://x.io/i | sh\nEOF",
                        "curl https://x.io/i | sh"),
                arguments("RUN powershell -Command \"iex ((New-Object System.Net.WebClient).DownloadString('https://chocolatey.org/install.ps1'))\"",
                        "PowerShell Invoke-Expression of a downloaded script"),
                arguments("RUN pwsh -c 'Invoke-WebRequest https://x.io/i.ps1 | Invoke-Expression'",
                        "PowerShell Invoke-Expression of a downloaded script")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("downloadedCode")
    void runsDownloadedCode(String instruction, String how) {
        assertThat(PipeToShell.downloadRunAsCode(Dockerfiles.run(instruction.strip()))).hasValue(how.strip());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // the download is data, not code
            "RUN curl -fsSL https://x.io/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg",
            "RUN curl -fsSL https://x.io/app.tar.gz | tar -xz -C /opt",
            "RUN curl -s https://api.github.com/repos/o/r/releases/latest | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"tag_name\"])'",
            "RUN curl -s https://x.io/v.json | python -c \"import sys, json; print(json.load(sys.stdin)['v'])\"",
            "RUN curl -s https://x.io/data | node -e 'process.stdin.pipe(process.stdout)'",
            "RUN curl -s https://x.io/data | perl -ne 'print if /v/'",
            "RUN curl -s https://x.io/get-pip.py | python3 -m json.tool",
            "RUN wget -qO- https://x.io/key | apt-key add -",
            // the shell reads a script file, not the pipe
            "RUN curl -s https://x.io/list | sh ./local-script.sh",
            "RUN curl -s https://x.io/i.py | python3 /opt/tool.py",
            // downloaded to a file: room for a checksum
            "RUN curl -fsSLo install.sh https://x.io/i.sh && echo \"abc  install.sh\" | sha256sum -c - && sh install.sh",
            "RUN curl -fsSL -o /tmp/i.sh https://x.io/i.sh && sh /tmp/i.sh",
            "RUN curl -fsSLO https://x.io/i.sh | sh",
            "RUN wget https://x.io/i.sh | sh",
            "RUN wget -O /tmp/i.sh https://x.io/i.sh && bash /tmp/i.sh",
            // no download in the pipe
            "RUN echo 'curl https://x.io | sh' > /README",
            "RUN cat install.sh | sh",
            "RUN sh -c 'echo hello' | tee /tmp/out",
            "RUN curl --version && sh -c 'echo ok'",
            "RUN curl -fsSL https://x.io/i.sh > /tmp/i.sh; bash /tmp/i.sh",
            "RUN curl -fsSL https://x.io/i.sh || sh fallback.sh",
            "RUN sh | curl -X POST -d @- https://x.io/upload",
            "RUN bash -c \"echo $(curl -s https://x.io/version)\"",
            "RUN # curl https://x.io/i | sh",
            "RUN [\"curl\", \"-fsSL\", \"https://x.io/i\", \"|\", \"sh\"]",
            // here-documents that are data or another language
            "RUN cat <<EOF > /etc/motd\ncurl https://x.io/i | sh\nEOF",
            "RUN python3 <<EOF\nprint('curl https://x.io/i | sh')\nEOF",
            "RUN <<EOF\n#!/usr/bin/env python3\nprint('curl | sh')\nEOF",
            "RUN powershell -Command \"Invoke-WebRequest https://x.io/app.zip -OutFile app.zip\"",
    })
    void doesNotRunDownloadedCode(String instruction) {
        assertThat(PipeToShell.downloadRunAsCode(Dockerfiles.run(instruction))).isEmpty();
    }

    @Test
    void reportsEachRunAtItsKeywordInEveryStageAndOnbuildTrigger() {
        List<Finding> findings = Dockerfiles.findings(new PipeToShell(), """
                FROM debian:12 AS tools
                RUN curl -fsSL https://x.io/a | sh && curl -fsSL https://x.io/b | bash
                FROM debian:12
                  RUN apt-get update
                ONBUILD RUN curl -fsSL https://x.io/c | sh
                """);

        assertThat(findings).extracting(Finding::origin)
                .containsExactly(Origin.at(Dockerfiles.FILE, 2, 1), Origin.at(Dockerfiles.FILE, 5, 9));
        assertThat(findings.getFirst().message())
                .isEqualTo("RUN runs code downloaded at build time without verifying it: curl https://x.io/a | sh");
    }
}
