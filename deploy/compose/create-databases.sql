-- Each service owns its database (architecture brief); the compose setup creates all five.
CREATE DATABASE bridges_registry;
CREATE DATABASE bridges_matching;
CREATE DATABASE bridges_notifications;
CREATE DATABASE bridges_logistics;
CREATE DATABASE bridges_events;
