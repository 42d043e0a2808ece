-- Each service owns its database (architecture brief); the compose setup creates all three.
CREATE DATABASE bridges_registry;
CREATE DATABASE bridges_matching;
CREATE DATABASE bridges_notifications;
