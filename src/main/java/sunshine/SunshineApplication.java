package sunshine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SunshineApplication {

    public static void main(String[] args) {
        SpringApplication.run(SunshineApplication.class, args);
    }
}
