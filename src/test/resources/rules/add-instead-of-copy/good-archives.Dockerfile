# ADD kept where only ADD does the job: unpacking a local tar, or a remote source
FROM debian:12-slim
ARG RELEASE_ARCHIVE
ADD rootfs/overlay.tar.xz /
ADD vendor/wheels.tgz /opt/wheels/
ADD ${RELEASE_ARCHIVE} /opt/release/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.0.tar.gz /tmp/
USER 65534
