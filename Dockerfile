# One image recipe for every service: docker compose builds it with MODULE=<module> after `mvn -DskipTests package`.
FROM eclipse-temurin:17-jre
ARG MODULE
COPY ${MODULE}/target/${MODULE}.jar /app/service.jar
USER 10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
