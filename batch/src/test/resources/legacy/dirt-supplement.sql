-- Dirt that the small generated fixture (make_legacy_db.py --tasks 60 --seed 7) happens not to contain,
-- one row per kind listed in shared/legacy/README.md. Tests apply it to a temporary copy of the fixture.
-- Ids start above the generator's so the generated rows stay as they are.

-- users: the same person twice (case, leading space), an address that never was one, 'Admin ', manager,
-- NULL password hash, booleans as yes/no/true/NULL, timestamps in +03:00, Moscow, empty, NULL.
INSERT INTO users (id,email,name,password_hash,role,is_active,created_at,last_login_at) VALUES
 (101,' USER3@EXAMPLE.RU','Ольга (второй аккаунт)','$2y$10$Nq9gJ3eP0y0cX8v3mSg7UeW0tqsl1Ld3H8q1yLr5S0u3b2lK8c9iW','Admin ','yes','2023-03-01T12:00:00+03:00',NULL),
 (102,'user102 at example.ru',NULL,NULL,'manager','no','',NULL),
 (103,'user103@example.ru','Viewer','$2y$10$Nq9gJ3eP0y0cX8v3mSg7UeW0tqsl1Ld3H8q1yLr5S0u3b2lK8c9iW','viewer',NULL,NULL,'05.06.2022 10:15'),
 (104,'user104@example.ru','Удалён вручную','$2y$10$Nq9gJ3eP0y0cX8v3mSg7UeW0tqsl1Ld3H8q1yLr5S0u3b2lK8c9iW','user','true','2020-01-01 00:00:00',NULL),
 (105,'user105@example.ru','Admin case','$2y$10$Nq9gJ3eP0y0cX8v3mSg7UeW0tqsl1Ld3H8q1yLr5S0u3b2lK8c9iW','admin','1','1600000000',NULL);
DELETE FROM users WHERE id = 104;   -- removed by hand: its rows below stay behind

-- settings: the duplicated account's key, an orphan's key, one key twice (later updated_at wins, written first).
INSERT INTO settings (id,user_id,key,value,updated_at) VALUES
 (1001,101,'openai_api_key','sk-0123456789abcdef0123456789abcdef0123456789abcdef','2023-05-01 10:00:00'),
 (1002,104,'openai_api_key','sk-fedcba9876543210fedcba9876543210fedcba9876543210','2021-01-01 00:00:00'),
 (1003,103,'serpapi_key','aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1111','2024-02-02T10:00:00+03:00'),
 (1004,103,'serpapi_key','bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2222','2023-02-02 10:00:00'),
 (1005,103,'language','RU',NULL);

-- prompts: an orphan's prompt (soft-deleted), yes/no sharing, temperature as text with a comma.
INSERT INTO prompts (id,user_id,title,body,model,temperature,max_tokens,is_shared,created_at,updated_at,deleted_at) VALUES
 (201,104,NULL,'Напиши про {{keyword}}','gpt-4o','0,7','2000','yes','2020-02-02 00:00:00','2020-02-03 00:00:00','04.02.2020 12:00'),
 (202,101,'Дубль','Body','gpt-4',1.0,NULL,'no',1580000000,'2020-01-26T00:00:00+03:00',NULL);

-- tasks: years-old running/queued (dead workers), a recent queued and running, progress '100' text and
-- '55%', an unknown status, a task without a type (quarantined), an orphan owner, a cut-short params.
INSERT INTO tasks (id,user_id,parent_id,type,status,keyword,params,result,error,progress,created_at,started_at,finished_at) VALUES
 (301,104,NULL,'serp','running','окна','{"keyword": "окна"}','null',NULL,'55%','2019-05-01 10:00:00','2019-05-01 10:00:02',NULL),
 (302,1,NULL,'pipeline','queued','окна','{"keyword": "ок','null',NULL,NULL,'12.03.2020 09:30',NULL,NULL),
 (303,1,302,'scrape','running','окна','{}','{"ok": false}',NULL,'100','2024-10-01T21:00:00+03:00','2024-10-01 18:00:02',NULL),
 (304,3,NULL,'generate','new','окна','[]',NULL,NULL,0,'2024-10-01 23:00:00',NULL,NULL),
 (305,101,NULL,'analyze','paused','окна','{"a": 1}','{"ok": true}',NULL,'100','',NULL,NULL),
 (306,1,NULL,NULL,'done','без типа','{}',NULL,NULL,100,'2021-01-01 00:00:00',NULL,NULL),
 (307,1,999,'scrape','DONE','сирота','{}','{"ok": true}',NULL,100,'2021-01-01 00:00:00','2021-01-01 00:00:01','2021-01-01 00:00:09');

INSERT INTO task_logs (id,task_id,level,message,created_at) VALUES
 (5001,301,'INFO','Старт задачи','2019-05-01T13:00:01+03:00'),
 (5002,77777,'info','Задача удалена',NULL),
 (5003,303,NULL,'без уровня',1727800000);

INSERT INTO serp_results (id,task_id,engine,query,region,position,url,title,snippet,created_at) VALUES
 (6001,301,'yandex','окна','213','3','https://okna-msk.ru/1','Окна','Окна недорого','2019-05-01 10:00:03'),
 (6002,301,'yandex','окна','213','первая','https://okna-msk.ru/2','Окна','Окна','2019-05-01 10:00:03');

-- pages: windows-1251 bytes with their meta, windows-1251 without any, UTF-8 by http-equiv, no task.
INSERT INTO pages (id,task_id,url,status_code,title,html,text,fetched_at) VALUES
 (7001,303,'https://okna-msk.ru/',200,'Окна',X'3c21444f43545950452068746d6c3e3c68746d6c206c616e673d227275223e3c686561643e3c6d65746120636861727365743d2277696e646f77732d31323531223e3c7469746c653eceeaede020e220cceef1eae2e53c2f7469746c653e3c2f686561643e3c626f64793e3c68313ecaf3efe8f2fc20efebe0f1f2e8eaeee2fbe520eeeaede03c2f68313e3c703ec3e0f0e0edf2e8ff20ede020e2f1e520e2e8e4fb20f0e0e1eef220f1eef1f2e0e2ebffe5f220e4ee20effff2e820ebe5f22e3c2f703e3c2f626f64793e3c2f68746d6c3e','Купить пластиковые окна','2024-10-01 18:00:05'),
 (7002,303,'https://fasad-m.ru/',200,'Фасад',X'3c68746d6c3e3c626f64793e3c703ec1e5e720eee1faffe2ebe5ededeee920eaeee4e8f0eee2eae83a20e4eef1f2e0e2eae020efee20cceef1eae2e53c2f703e3c2f626f64793e3c2f68746d6c3e','Без объявленной кодировки','2024-10-01 18:00:06'),
 (7003,NULL,'https://potolki24.ru/',200,'Потолки',X'3c68746d6c3e3c686561643e3c6d65746120687474702d65717569763d22436f6e74656e742d547970652220636f6e74656e743d22746578742f68746d6c3b20636861727365743d5554462d38223e3c2f686561643e3c626f64793ed09dd0b0d182d18fd0b6d0bdd18bd0b520d0bfd0bed182d0bed0bbd0bad0b820f09f94a53c2f626f64793e3c2f68746d6c3e','Натяжные потолки','01.10.2024 21:00');

INSERT INTO analyses (id,task_id,keyword,data,created_at) VALUES
 (8001,305,'окна','{"words": 1200, "lsi": ["цена", "гаран','2024-10-01 12:00:00'),
 (8002,305,'окна','{"words": 10, "lemmas": {"окно": 3}}','2024-10-01 12:00:00');

INSERT INTO generations (id,task_id,prompt_id,model,input_tokens,output_tokens,cost_usd,content,created_at) VALUES
 (9001,304,201,'gpt-4o',100,'200','0,0023','Текст','2024-10-01 23:00:10'),
 (9002,304,5000,'gpt-4o',100,200,0.0000001,'Текст','2024-10-01 23:00:11');
