FROM eclipse-temurin:21-jre-alpine
ARG JAR_FILE=target/app.jar
WORKDIR /opt/app
ADD ${JAR_FILE} app.jar
# ADD does not unpack a zip: this only copies it
ADD docs.zip /opt/app/docs/
ADD ["config/application.yml", "/opt/app/config/"]
USER 10001
ENTRYPOINT ["java", "-jar", "/opt/app/app.jar"]
