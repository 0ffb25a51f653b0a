"""Deterministic demo data for the portal: staff, credentials, CRM rows, open lines and chats.

The same arguments always give the same state; `build_state(leads=100_000)` takes seconds.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, NamedTuple, TypeVar

from .schema import CONNECTOR_TITLES
from .state import (
    Access,
    Chat,
    Connector,
    CrmType,
    Department,
    FileInfo,
    OAuthApp,
    OpenLine,
    PortalState,
    User,
    Webhook,
)

T = TypeVar("T")
Rand = Callable[[], float]
Row = dict[str, Any]
ScriptLine = str | tuple[str, str]  # text, or (text, attached file kind)
DialogueLine = tuple[int, str, str]  # author ID, text, attached file kind ("" = none)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone(timedelta(hours=3)))
ADMIN_ID = 1
RESTRICTED_ID = 7
CRM_ONLY_ID = 4
BOT_ID = 25
FIRST_CUSTOMER_ID = 1001
FIRST_CHAT_ID = 1701
OAUTH_CLIENT_ID = "local.b24desk0demo.000001"
CHAT_WINDOW = 300  # only the oldest rows get chats, so a 100k-lead portal keeps ~60 chats

_DAY = 86_400
_HISTORY_DAYS = 730
_DATE_POOL_SIZE = 16_384
_LEAD_CHATS = 30
_CONTACT_CHATS = 18
_DEAL_CHATS = 6  # of the contact chats, those also bound to one of the contact's deals
_COMPANY_CHATS = 2
_STRANGER_CHATS = 10

_FULL_SCOPES = frozenset({"crm", "imopenlines", "im", "user", "basic"})
_WEBHOOKS = (
    (ADMIN_ID, _FULL_SCOPES, "b24desk (admin)"),
    (RESTRICTED_ID, _FULL_SCOPES, "operator (restricted)"),
    (CRM_ONLY_ID, frozenset({"crm", "basic"}), "1C sync (crm only)"),
)

# --- staff -----------------------------------------------------------------------------

_ROOT, _SALES, _CONTACT_CENTRE, _SUPPORT, _MARKETING, _ACCOUNTING = range(1, 7)
_DEPARTMENTS = (
    (_ROOT, "Демо-компания", None),
    (_SALES, "Отдел продаж", _ROOT),
    (_CONTACT_CENTRE, "Контакт-центр", _ROOT),
    (_SUPPORT, "Техническая поддержка", _CONTACT_CENTRE),
    (_MARKETING, "Маркетинг", _ROOT),
    (_ACCOUNTING, "Бухгалтерия", _ROOT),
)

# Employees get IDs 1.. in this order: name, last name, gender, position, department.
_EMPLOYEES = (
    ("Анна", "Смирнова", "F", "Руководитель контакт-центра", _CONTACT_CENTRE),
    ("Дмитрий", "Волков", "M", "Руководитель отдела продаж", _SALES),
    ("Мария", "Иванова", "F", "Менеджер по продажам", _SALES),
    ("Сергей", "Морозов", "M", "Менеджер по продажам", _SALES),
    ("Екатерина", "Павлова", "F", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("Игорь", "Соколов", "M", "Менеджер по продажам", _SALES),
    ("Олег", "Кузнецов", "M", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("Наталья", "Попова", "F", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("James", "Walker", "M", "International sales manager", _SALES),
    ("Ольга", "Лебедева", "F", "Инженер технической поддержки", _SUPPORT),
    ("Артём", "Новиков", "M", "Инженер технической поддержки", _SUPPORT),
    ("Юлия", "Фёдорова", "F", "Маркетолог", _MARKETING),
    ("Emily", "Carter", "F", "Support engineer", _SUPPORT),
    ("Павел", "Козлов", "M", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("Татьяна", "Михайлова", "F", "Бухгалтер", _ACCOUNTING),
    ("Алексей", "Егоров", "M", "Менеджер по продажам", _SALES),
    ("Ирина", "Никитина", "F", "Старший оператор контакт-центра", _CONTACT_CENTRE),
    ("Michael", "Brown", "M", "Head of support", _SUPPORT),
    ("Андрей", "Орлов", "M", "Менеджер по работе с ключевыми клиентами", _SALES),
    ("Светлана", "Захарова", "F", "Главный бухгалтер", _ACCOUNTING),
    ("Максим", "Зайцев", "M", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("Елена", "Соловьёва", "F", "Менеджер по продажам", _SALES),
    ("Виктор", "Васильев", "M", "Системный администратор", _SUPPORT),
    ("Sophie", "Turner", "F", "Marketing manager", _MARKETING),
)
_FIRED = frozenset({21, 22})
_RESTRICTED_ACCESS = {
    CrmType.LEAD: Access.OWN,
    CrmType.DEAL: Access.NONE,
    CrmType.CONTACT: Access.OWN,
    CrmType.COMPANY: Access.ALL,
}
_OPERATORS = (5, 7, 8, 14, 17, 10, 11, 13)
_FORMER_OPERATORS = (*_OPERATORS, 21)  # a fired operator still shows up in old sessions
_SALES_TEAM = (2, 3, 4, 6, 9, 16, 19)
# User 7 twice: the restricted operator must own enough rows for OWN access to show something.
_ROW_OWNERS = (*_SALES_TEAM, 5, 7, 7, 8, 14, 17)
_HELPERS = (1, 2, 17, 18)  # who joins a dialogue beside its operator

# --- people and companies --------------------------------------------------------------

_RU_MALE_NAMES = (
    "Александр", "Алексей", "Андрей", "Артём", "Борис", "Вадим", "Василий", "Виктор",
    "Владимир", "Георгий", "Григорий", "Денис", "Дмитрий", "Евгений", "Иван", "Игорь",
    "Кирилл", "Константин", "Максим", "Михаил", "Николай", "Олег", "Павел", "Роман",
    "Сергей", "Станислав", "Тимур", "Юрий",
)  # fmt: skip
_RU_FEMALE_NAMES = (
    "Алина", "Анастасия", "Анна", "Валентина", "Вера", "Виктория", "Галина", "Дарья",
    "Екатерина", "Елена", "Ирина", "Карина", "Ксения", "Людмила", "Марина", "Мария",
    "Надежда", "Наталья", "Ольга", "Полина", "Светлана", "Софья", "Татьяна", "Юлия",
)  # fmt: skip
_RU_SURNAMES = (
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов",
    "Воробьёв", "Сергеев", "Кудрявцев", "Белов", "Тарасов", "Беляев", "Комаров", "Жуков",
    "Гусев", "Титов", "Калинин", "Ковалевский", "Вишневский", "Покровский", "Шереметьев",
)  # fmt: skip
_PATRONYMICS = (
    ("Александрович", "Александровна"), ("Алексеевич", "Алексеевна"),
    ("Андреевич", "Андреевна"), ("Викторович", "Викторовна"), ("Дмитриевич", "Дмитриевна"),
    ("Иванович", "Ивановна"), ("Игоревич", "Игоревна"), ("Михайлович", "Михайловна"),
    ("Николаевич", "Николаевна"), ("Олегович", "Олеговна"), ("Павлович", "Павловна"),
    ("Петрович", "Петровна"), ("Сергеевич", "Сергеевна"), ("Юрьевич", "Юрьевна"),
    ("Владимирович", "Владимировна"),
)  # fmt: skip
_EN_NAMES = (
    "James", "John", "Robert", "Michael", "David", "William", "Thomas", "Daniel", "Liam",
    "Noah", "Oliver", "Emily", "Olivia", "Emma", "Sophia", "Charlotte", "Amelia", "Grace",
    "Hannah", "Chloe",
)  # fmt: skip
_EN_SURNAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
    "Anderson", "Moore", "Clark", "Walker", "Hall", "Young", "King", "Wright", "Scott",
    "Green", "Baker", "Mitchell", "Turner", "Parker", "Evans", "Collins", "O'Brien",
)  # fmt: skip
# Customers of chats bound to nothing: whatever a messenger profile happens to show.
_STRANGERS = (
    ("Guest #17", "", True),
    ("Гость #342", "", False),
    ("Alex", "", True),
    ("kot_begemot", "", False),
    ("Sarah", "Miller", True),
    ("Дмитрий", "", False),
    ("Elena K.", "", True),
    ("John", "Davis", True),
    ("Мария", "Л.", False),
    ("MaxPower", "", True),
    ("Светлана", "Игоревна", False),
    ("Tom", "", True),
)

_RU_COMPANY_NAMES = (
    "Вектор", "Северсталь-Трейд", "ТехноПром", "Альфа-Логистик", "Гранит", "СтройИнвест",
    "Меридиан", "Импульс", "Восток-Сервис", "Орион", "Прогресс", "Сибирские сети",
    "ЛогистикПлюс", "Арктика", "Феникс", "Интеграл", "Кристалл", "Нева-Маркет", "Волга-Агро",
    "Цифровые решения", "Радуга", "Полюс-Телеком", "УралМаш-Комплект", "Спектр", "Атлант",
    "Континент", "Горизонт", "Эталон", "Сфера", "Магистраль", "Технолайн", "Енисей-Энерго",
    "ПромСнаб", "Алмаз", "Бета-Софт", "Северный ветер", "Темп", "Ника", "Пульсар", "Уют-Дом",
    "Медтехника", "АгроХолдинг Юг", "Балтийский берег", "Кварц", "Зенит", "Инфотех",
    "Ладога", "Ракурс", "Старт", "Дельта-Финанс",
)  # fmt: skip
_LEGAL_FORMS = ("ООО", "ООО", "АО", "ПАО")
_EN_COMPANIES = (
    ("Acme Logistics Ltd", "acme-logistics.co.uk"),
    ("Northwind Traders LLC", "northwind.example.com"),
    ("Globex Corporation", "globex.com"),
    ("Initech GmbH", "initech.de"),
    ("Blue Ocean Shipping Ltd", "blueocean.co.uk"),
    ("Evergreen Foods Inc.", "evergreenfoods.com"),
    ("Silverline Software Ltd", "silverline.io"),
    ("Helios Energy AG", "helios-energy.ch"),
    ("Umbrella Trading FZE", "umbrella.ae"),
    ("Stark Components Ltd", "starkcomponents.com"),
)

_RU_MOBILE_CODES = ("903", "905", "909", "915", "916", "925", "926", "977", "985", "999")
_RU_CITY_CODES = ("495", "499", "812", "343", "383")
_FREE_MAIL_RU = ("mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru")
_FREE_MAIL_EN = ("gmail.com", "outlook.com", "yahoo.com", "icloud.com")
_POSTS_RU = (
    "Директор", "Генеральный директор", "Менеджер по закупкам", "Главный бухгалтер",
    "Руководитель отдела ИТ", "Инженер", "Офис-менеджер", "Коммерческий директор",
)  # fmt: skip
_POSTS_EN = ("CEO", "Procurement manager", "Office manager", "IT director", "CFO")

# --- CRM reference values ----------------------------------------------------------------

_SOURCES = (
    "CALL", "EMAIL", "WEB", "WEB", "ADVERTISING", "PARTNER", "RECOMMENDATION", "TRADE_SHOW",
    "OTHER",
)  # fmt: skip
_LEAD_STATUSES = (
    ("NEW", "P"), ("NEW", "P"), ("NEW", "P"), ("NEW", "P"), ("NEW", "P"),
    ("IN_PROCESS", "P"), ("IN_PROCESS", "P"), ("IN_PROCESS", "P"), ("IN_PROCESS", "P"),
    ("IN_PROCESS", "P"), ("IN_PROCESS", "P"), ("PROCESSED", "P"), ("PROCESSED", "P"),
    ("PROCESSED", "P"), ("CONVERTED", "S"), ("CONVERTED", "S"), ("CONVERTED", "S"),
    ("CONVERTED", "S"), ("JUNK", "F"), ("JUNK", "F"),
)  # fmt: skip
_LEAD_TITLES_RU = (
    ("Заявка с сайта", "WEB"),
    ("Заявка с сайта: {product}", "WEB"),
    ("Запрос КП: {product}", "EMAIL"),
    ("Звонок: {last}", "CALL"),
    ("Обратный звонок: {last}", "CALL"),
    ("Заявка из рекламы: {product}", "ADVERTISING"),
    ("Рекомендация партнёра: {last}", "PARTNER"),
    ("По рекомендации клиента: {last}", "RECOMMENDATION"),
    ("Контакт с выставки «{expo}»", "TRADE_SHOW"),
    ("Запрос счёта", "EMAIL"),
    ("Разное: {last}", "OTHER"),
)
_LEAD_TITLES_EN = (
    ("Website enquiry — pricing", "WEB"),
    ("Website enquiry — {product_en}", "WEB"),
    ("Call: {last}", "CALL"),
    ("Quote request: {product_en}", "EMAIL"),
    ("Partner referral: {last}", "PARTNER"),
    ("Met at {expo}", "TRADE_SHOW"),
)
_PRODUCTS_RU = (
    "поставка оборудования", "ноутбуки для офиса", "сервисное обслуживание", "внедрение CRM",
    "лицензии 1С", "видеонаблюдение", "аренда серверов", "монтаж СКС", "обучение персонала",
)  # fmt: skip
_PRODUCTS_EN = ("barcode scanners", "server rental", "CRM rollout", "support contract")
_EXPOS = ("Связь-2026", "Иннопром", "ExpoElectronica", "Securika")
_COMMENTS = (
    "Перезвонить после 15:00",
    "Просил КП на почту",
    "Интересуется оптом, [b]VIP[/b]",
    "Клиент из Казани, доставка транспортной компанией",
    "Prefers e-mail, no calls",
)
_DEAL_TITLES = (
    "Поставка серверов", "Внедрение CRM", "Годовое обслуживание", "Лицензии: 25 мест",
    "Монтаж видеонаблюдения", "Поставка ноутбуков", "Аудит ИТ-инфраструктуры",
    "Consulting retainer",
)  # fmt: skip
_DEAL_TYPES = ("SALE", "SALE", "COMPLEX", "GOODS", "SERVICES", "SERVICE")
_DEAL_STAGES = (
    ("NEW", "P", "10"), ("NEW", "P", "10"), ("PREPARATION", "P", "20"),
    ("PREPAYMENT_INVOICE", "P", "40"), ("EXECUTING", "P", "60"), ("EXECUTING", "P", "60"),
    ("FINAL_INVOICE", "P", "80"), ("WON", "S", "100"), ("WON", "S", "100"),
    ("WON", "S", "100"), ("LOSE", "F", "0"), ("LOSE", "F", "0"),
)  # fmt: skip
_CONTACT_TYPES = ("CLIENT", "CLIENT", "CLIENT", "SUPPLIER", "PARTNER", "OTHER")
_COMPANY_TYPES = ("CUSTOMER", "CUSTOMER", "CUSTOMER", "PARTNER", "SUPPLIER", "COMPETITOR")
_INDUSTRIES = (
    "IT", "TELECOM", "MANUFACTURING", "BANKING", "CONSULTING", "FINANCE", "GOVERNMENT",
    "DELIVERY", "ENTERTAINMENT", "NOTPROFIT", "OTHER",
)  # fmt: skip
_EMPLOYEE_RANGES = ("EMPLOYEES_1", "EMPLOYEES_2", "EMPLOYEES_3", "EMPLOYEES_4")

# --- open lines and dialogues ---------------------------------------------------------------

_LINES = (
    (1, "Сайт и мессенджеры", ("livechat", "telegrambot", "whatsappbyedna")),
    (2, "Социальные сети", ("vkgroup",)),
    (3, "Почта", ("email",)),
)
_LINE_OF = {connector: line_id for line_id, _, connectors in _LINES for connector in connectors}
_CONNECTOR_MIX = (
    "livechat", "livechat", "livechat", "livechat", "telegrambot", "telegrambot",
    "telegrambot", "whatsappbyedna", "whatsappbyedna", "vkgroup", "vkgroup", "email",
)  # fmt: skip
_LEAD_ONE_CONNECTORS = ("livechat", "telegrambot", "whatsappbyedna")
_SESSION_COUNTS = (1, 1, 1, 1, 1, 2, 2, 2, 3, 3)

# Placeholders: {name} customer's first name, {op} operator's, {order}, {portal} the base URL.
# Lines alternate customer, operator, customer, ...; a session plays the first 3-15 of them.
_SCRIPTS_RU: tuple[tuple[ScriptLine, ...], ...] = (
    (
        "Здравствуйте! Хотим закупить 20 ноутбуков для офиса, можно узнать цены?",
        "Добрый день, {name}! Меня зовут {op}, с радостью помогу. Для каких задач ноутбуки?",
        "Бухгалтерия и менеджеры: 1С, почта, браузер. Бюджет до 70 000 за штуку.",
        "Отправляю актуальный [url=https://example.com/price]прайс[/url], посмотрите, "
        "пожалуйста, раздел [b]«Бизнес-серия»[/b].",
        "Спасибо. А есть скидка при заказе от 20 штук?",
        "Да, от 20 штук скидка [b]7%[/b], от 50 — [b]12%[/b].[br]Доставка по Москве бесплатно.",
        "Отлично. Можно коммерческое предложение на почту?",
        "Конечно. Подскажите, пожалуйста, адрес почты и реквизиты компании.",
        "Почта zakupki@vector.ru, реквизиты сейчас пришлю",
        "Получили, спасибо! КП пришлём в течение часа.",
        "Ждём. И ещё вопрос: какие сроки поставки?",
        "Со склада — 2–3 рабочих дня, под заказ — до двух недель.",
        "Договорились, спасибо!",
        "Рады помочь! Хорошего дня 🙂",
    ),
    (
        "Добрый день. Перестал печатать принтер, который вы поставили на прошлой неделе",
        "Здравствуйте, {name}! Какая ошибка горит на панели?",
        ("Вот фото экрана", "photo"),
        "Вижу код [b]E-302[/b] — это замятие бумаги во втором лотке. Откройте, пожалуйста, "
        "заднюю крышку.",
        "Открыли, там действительно застрял лист",
        "Аккуратно вытащите его на себя и закройте крышку. Принтер перезапустится сам.",
        "Заработало! Спасибо",
        "Отлично! Если ошибка повторится, пишите. Инструкция на всякий случай: "
        "[url=https://example.com/help/e302]как устранить замятие[/url]",
        "А гарантия на такие случаи распространяется?",
        "Да, гарантия 12 месяцев. Номер вашего заказа: [b]{order}[/b].",
        "Понятно, спасибо ещё раз",
        "Всегда пожалуйста!",
    ),
    (
        "Здравствуйте, где мой заказ {order}? Обещали доставить вчера",
        "Добрый день, {name}! Сейчас проверю, одну минуту.",
        "Жду",
        "Заказ у транспортной компании, трек-номер [b]CDEK-48213377[/b]. Отследить можно по "
        "[url=https://example.com/track]ссылке[/url].",
        "Там написано «в пути» уже три дня",
        "Приносим извинения за задержку. Мы связались с перевозчиком: доставка завтра "
        "с 10:00 до 14:00.",
        "А можно перенести на вечер?",
        "Можно, оформили доставку на 18:00–21:00. Курьер позвонит за час.",
        "Спасибо!",
        "В качестве компенсации начислили [i]500 бонусов[/i] на ваш счёт.",
        "Приятно 🙂",
        "Хорошего вечера!",
    ),
    (
        "Добрый день! Нужен договор и счёт на оплату для ООО «Вектор»",
        "Здравствуйте, {name}! Подготовим. Пришлите, пожалуйста, реквизиты.",
        "ИНН 7701234567, КПП 770101001. Остальное в карточке, она у вас есть",
        ("Договор во вложении, проверьте, пожалуйста.", "contract"),
        "[quote]4.2. Оплата в течение 5 банковских дней[/quote][br]Можно 10 дней?",
        "Согласовали с юристами: исправим на [b]10 банковских дней[/b].",
        "Тогда всё хорошо, подпишем через ЭДО",
        "Отправили через Диадок. Счёт выставим после подписания.",
        "Подписали",
        "Спасибо! Счёт №{order} отправлен на почту.",
        "Получили, оплатим завтра",
        "Отлично, ждём. Хорошего дня!",
    ),
    (
        "Здравствуйте. Интересует внедрение CRM на 15 пользователей",
        "Добрый день, {name}! Меня зовут {op}. Расскажите, пожалуйста, чем занимается компания?",
        "Оптовая торговля стройматериалами, 3 склада",
        "Подойдёт тариф [b]«Стандартный»[/b] и интеграция с 1С. Анкета для расчёта: "
        "{portal}/pub/form/3/crm_demo/",
        "Сколько займёт по срокам?",
        "Типовой проект — 4–6 недель. Предлагаем созвониться, покажем демо.",
        "Давайте в четверг после обеда",
        "Записали вас на четверг, 15:00. Ссылку на встречу пришлём в этот чат.",
        "Спасибо, будем ждать",
        "Хорошего дня!",
    ),
    (
        "Это уже третье обращение!!! Верните деньги за заказ {order}",
        "{name}, здравствуйте. Приносим извинения. Расскажите, пожалуйста, что случилось?",
        "Пришёл не тот цвет, а на сайте было написано «в наличии»",
        "Понимаем ваше недовольство. Оформим возврат или обмен — как вам удобнее?",
        "Возврат",
        "Хорошо. Заполните [url=https://example.com/returns]заявление на возврат[/url], "
        "деньги вернутся за 3–5 рабочих дней.",
        ("Заявление заполнено, фото упаковки прикладываю", "photo"),
        "Приняли. Курьер заберёт товар завтра.",
        "Ок",
        "Ещё раз извините за неудобства.",
    ),
    (
        "Вы работаете в субботу?",
        "Здравствуйте! Да, в субботу с 10:00 до 16:00, воскресенье — выходной.",
        "А самовывоз возможен?",
        "Да, по адресу: [i]Москва, ул. Складочная, 1, стр. 6[/i]. Возьмите с собой паспорт.",
        "Спасибо",
        "Пожалуйста! Ждём вас.",
    ),
)
_SCRIPTS_EN: tuple[tuple[ScriptLine, ...], ...] = (
    (
        "Hi, do you ship to Kazakhstan? Looking for 10 industrial scanners",
        "Hello {name}! I'm {op}. Yes, we ship via DHL. Which model are you interested in?",
        "The ZX-200. What's the price for 10 units?",
        "For 10 units it's [b]$1,150[/b] each, shipping included. Full "
        "[url=https://example.com/price]price list[/url].",
        "Can you send a formal quote?",
        "Sure, please share your company name and billing address.",
        "Acme Logistics Ltd, 12 Baker Street, London",
        ("Here is the quote and the draft contract.", "contract"),
        "Thanks, I'll review it with our CFO",
        "Great, let me know if you have any questions!",
    ),
    (
        "Hey, the app keeps logging me out every 5 minutes",
        "Hi {name}, sorry about that! Which version are you on?",
        ("2.14.1, screenshot attached", "photo"),
        "Thanks. It's a known issue, fixed in [b]2.14.3[/b]. Could you update from "
        "[url=https://example.com/download]our site[/url]?",
        "Updated, seems fine now",
        "Glad to hear it! I'll keep this ticket open for a day just in case.",
        "Appreciate it",
        "Have a great day!",
    ),
    (
        "Where is my order {order}?",
        "Hi {name}! It left our warehouse yesterday, tracking: [b]1Z999AA10123456784[/b]",
        "OK, when will it arrive?",
        "Estimated delivery is Friday before noon.",
        "Can I change the address?",
        "Yes, send me the new address and I'll update it with the courier. Or use "
        "{portal}/pub/delivery/",
        "[quote]Estimated delivery is Friday before noon.[/quote][br]Friday works, same address",
        "Perfect, noted.",
    ),
)
_BOT_GREETING_RU = (
    "Здравствуйте! Я виртуальный помощник. Оператор подключится через пару минут.[br]"
    "Пока можно посмотреть [url=https://example.com/faq]ответы на частые вопросы[/url]."
)
_BOT_GREETING_EN = (
    "Hi! I'm a virtual assistant. An operator will join in a couple of minutes.[br]"
    "Meanwhile, see our [url=https://example.com/faq]FAQ[/url]."
)
_HELPER_LINES = (
    "Добрый день! Подключаюсь к диалогу, помогу с оформлением.",
    "Коллега, вижу вопрос по оплате — отвечу сам.",
    "[i]Руководитель на связи.[/i] Проверим всё и вернёмся с ответом сегодня.",
)
# Customer text a client must never render as markup or let break its layout.
HOSTILE_TEXTS = (
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "[url=javascript:alert(1)]нажмите здесь[/url]",
    '<b>not bold</b> & "quotes"',
    "Трек: https://example.com/track?id=" + "7f3a9c01" * 80,
    "Аааааа" + "а" * 600 + "!!!",
    "Спасибо!!! 🙏🔥😍👍🏽 👨‍👩‍👧‍👦 ❤️",
)
_GROUP_TALK = (
    (2, "Коллеги, планёрка завтра в 10:00, [b]без опозданий[/b]"),
    (3, "Принято"),
    (9, "I'll join remotely"),
    (4, "Выгрузку из 1С обновил, цифры в отчёте актуальные"),
)

_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", " ": "-", "'": "",
    }
)  # fmt: skip


def _latin(text: str) -> str:
    return text.lower().translate(_TRANSLIT)


def _feminine(surname: str) -> str:
    return surname[:-2] + "ая" if surname.endswith("ий") else surname + "а"


def _with_latin(names: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return tuple((name, _latin(name)) for name in names)


_MALE_FIRST = _with_latin(_RU_MALE_NAMES)
_FEMALE_FIRST = _with_latin(_RU_FEMALE_NAMES)
_MALE_LAST = _with_latin(_RU_SURNAMES)
_FEMALE_LAST = _with_latin(_feminine(name) for name in _RU_SURNAMES)
_MALE_PATRONYMICS = tuple(male for male, _ in _PATRONYMICS)
_FEMALE_PATRONYMICS = tuple(female for _, female in _PATRONYMICS)
_EN_FIRST = _with_latin(_EN_NAMES)
_EN_LAST = _with_latin(_EN_SURNAMES)
_EN_FIRST_SET = frozenset(_EN_NAMES)


class _Person(NamedTuple):
    name: str
    second_name: str
    last_name: str
    first_latin: str
    last_latin: str
    english: bool


@dataclass
class _ChatPlan:
    """What one Open Lines chat is about, decided before chat IDs are handed out."""

    crm: dict[CrmType, int]
    connector: str
    customer: tuple[str, str]  # name, last name
    english: bool
    operator: int  # of the last session
    force_active: bool = False

    @property
    def key(self) -> tuple[CrmType, int] | None:
        """The entity whose chats form one history: only its newest chat may be active."""
        for crm_type, crm_id in self.crm.items():
            if crm_id:
                return crm_type, crm_id
        return None


def _pick(rand: Rand, items: Sequence[T]) -> T:
    # int(random() * n) is several times faster than Random.choice in the row loops.
    return items[int(rand() * len(items))]


def _bindings(
    lead: int = 0, deal: int = 0, contact: int = 0, company: int = 0
) -> dict[CrmType, int]:
    return {
        CrmType.LEAD: lead,
        CrmType.DEAL: deal,
        CrmType.CONTACT: contact,
        CrmType.COMPANY: company,
    }


def _phone(rand: Rand, english: bool) -> str:
    digits = f"{int(rand() * 10_000_000):07d}"
    if english:
        return _pick(rand, ("+44 20 7946 ", "+1 415 555 ")) + digits[:4]
    style = rand()
    if style < 0.2:
        return f"+7 {_pick(rand, _RU_CITY_CODES)} {digits[:3]}-{digits[3:5]}-{digits[5:]}"
    code = _pick(rand, _RU_MOBILE_CODES)
    if style < 0.6:
        return f"+7 {code} {digits[:3]}-{digits[3:5]}-{digits[5:]}"
    if style < 0.85:
        return f"+7{code}{digits}"
    return f"8 ({code}) {digits[:3]}-{digits[3:5]}-{digits[5:]}"


def _email(rand: Rand, person: _Person, domain: str = "") -> str:
    domain = domain or _pick(rand, _FREE_MAIL_EN if person.english else _FREE_MAIL_RU)
    style = rand()
    if style < 0.5:
        local = f"{person.first_latin}.{person.last_latin}"
    elif style < 0.8:
        local = f"{person.first_latin[0]}.{person.last_latin}{int(rand() * 90) + 10}"
    else:
        local = f"{person.last_latin}.{person.first_latin}"
    return f"{local}@{domain}"


def _person(rand: Rand) -> _Person:
    if rand() < 0.12:
        name, name_latin = _pick(rand, _EN_FIRST)
        last, last_latin = _pick(rand, _EN_LAST)
        return _Person(name, "", last, name_latin, last_latin, True)
    if rand() < 0.5:
        firsts, lasts, patronymics = _MALE_FIRST, _MALE_LAST, _MALE_PATRONYMICS
    else:
        firsts, lasts, patronymics = _FEMALE_FIRST, _FEMALE_LAST, _FEMALE_PATRONYMICS
    name, name_latin = _pick(rand, firsts)
    last, last_latin = _pick(rand, lasts)
    second = _pick(rand, patronymics) if rand() < 0.5 else ""
    return _Person(name, second, last, name_latin, last_latin, False)


def _amount(rand: Rand) -> str:
    return f"{(int(rand() * 300) + 1) * 500 * (10 if rand() < 0.1 else 1)}.00"


def _joined(user: User) -> str:
    verb = "присоединилась" if user.gender == "F" else "присоединился"
    return f"[USER={user.id}]{user.full_name}[/USER] {verb} к чату"


class _Seeder:
    """Builds one PortalState; every random choice comes from one seeded generator."""

    def __init__(self, seed: int, base_url: str) -> None:
        self.rng = random.Random(seed)
        self.rand = self.rng.random
        self.base_url = base_url.rstrip("/")
        self.state = PortalState(now=NOW)
        self.dates = self._date_pool()
        self.company_titles: list[str] = []
        self.company_domains: list[str] = []
        self.contact_companies: list[str] = []

    def _date_pool(self) -> list[str]:
        """Sorted ISO dates over the last two years: rows pick an index, not a datetime."""
        start = NOW - timedelta(days=_HISTORY_DAYS)
        span = _HISTORY_DAYS * _DAY - 3600
        seconds = sorted(self.rng.randrange(span) for _ in range(_DATE_POOL_SIZE))
        return [(start + timedelta(seconds=s)).isoformat() for s in seconds]

    def _date_span(self, number: int, total: int) -> tuple[int, int]:
        """Pool indices of creation and last change; higher IDs are newer, as in a real CRM."""
        size = len(self.dates)
        created = min(size - 1, (number - 1) * size // total + int(self.rand() * 8))
        return created, created + int(self.rand() * (size - created) * 0.25)

    def _token(self, length: int, alphabet: str) -> str:
        return "".join(self.rng.choices(alphabet, k=length))

    def add_credentials(self) -> None:
        for user_id, scopes, title in _WEBHOOKS:
            code = self._token(16, string.ascii_lowercase + string.digits)
            self.state.webhooks[code] = Webhook(user_id, code, scopes, title)
        secret = self._token(50, string.ascii_letters + string.digits)
        self.state.oauth_apps[OAUTH_CLIENT_ID] = OAuthApp(OAUTH_CLIENT_ID, secret, _FULL_SCOPES)

    def add_staff(self) -> None:
        state = self.state
        for department_id, name, parent in _DEPARTMENTS:
            state.departments[department_id] = Department(department_id, name, parent)
        for user_id, (name, last, gender, position, department) in enumerate(_EMPLOYEES, 1):
            state.users[user_id] = self._employee(user_id, name, last, gender, position, department)
        state.users[RESTRICTED_ID].crm_access = dict(_RESTRICTED_ACCESS)
        state.users[BOT_ID] = User(
            BOT_ID,
            "Чат-бот",
            "Помощник",
            work_position="Bot",
            is_bot=True,
            is_online=True,
            date_register=self._ago(400 * _DAY, 500 * _DAY),
            last_login=self._ago(60, 3600),
        )

    def _ago(self, low: int, high: int) -> str:
        return (NOW - timedelta(seconds=self.rng.randrange(low, high))).isoformat()

    def _employee(
        self, user_id: int, name: str, last: str, gender: str, position: str, department: int
    ) -> User:
        english = name.isascii()
        fired = user_id in _FIRED
        second = ""
        if not english:
            second = _pick(self.rand, _FEMALE_PATRONYMICS if gender == "F" else _MALE_PATRONYMICS)
        return User(
            user_id,
            name,
            last,
            email=f"{_latin(name)[0]}.{_latin(last)}@{self.state.domain}",
            second_name=second,
            work_position=position,
            departments=[department],
            active=not fired,
            gender=gender,
            is_online=not fired and (user_id == ADMIN_ID or self.rand() < 0.45),
            is_admin=user_id == ADMIN_ID,
            work_phone=f"+7 495 640-12-{user_id + 10:02d}",
            personal_mobile=_phone(self.rand, english) if self.rand() < 0.5 else "",
            date_register=self._ago(200 * _DAY, 1400 * _DAY),
            last_login=self._ago(60 * _DAY, 300 * _DAY) if fired else self._ago(600, 3 * _DAY),
        )

    def _add_channels(self, row: Row, person: _Person, domain: str = "") -> None:
        rand, multifield = self.rand, self.state.multifield
        if rand() < 0.85:
            kind = "MOBILE" if rand() < 0.6 else "WORK"
            row["PHONE"] = [multifield("PHONE", _phone(rand, person.english), kind)]
            if rand() < 0.1:
                row["PHONE"].append(multifield("PHONE", _phone(rand, person.english), "HOME"))
            row["HAS_PHONE"] = "Y"
        if rand() < 0.6:
            kind = "WORK" if domain or rand() < 0.5 else "HOME"
            row["EMAIL"] = [multifield("EMAIL", _email(rand, person, domain), kind)]
            row["HAS_EMAIL"] = "Y"

    def add_companies(self, total: int) -> None:
        rand, rng, dates = self.rand, self.rng, self.dates
        table, multifield = self.state.crm[CrmType.COMPANY], self.state.multifield
        names = [
            (f"{form} «{name}»", f"{_latin(name)}.ru", False)
            for name in _RU_COMPANY_NAMES
            for form in _LEGAL_FORMS[1:]
        ] + [(title, domain, True) for title, domain in _EN_COMPANIES]
        rng.shuffle(names)
        for number in range(1, total + 1):
            title, domain, english = names[(number - 1) % len(names)]
            if number > len(names):
                title = f"{title} ({(number - 1) // len(names) + 1})"
            created, modified = self._date_span(number, total)
            owner = str(_pick(rand, _SALES_TEAM))
            from_1c = rand() < 0.3
            row: Row = {
                "ID": str(number),
                "TITLE": title,
                "COMPANY_TYPE": _pick(rand, _COMPANY_TYPES),
                "INDUSTRY": _pick(rand, _INDUSTRIES),
                "EMPLOYEES": _pick(rand, _EMPLOYEE_RANGES),
                "REVENUE": f"{(int(rand() * 900) + 10) * 100_000}.00",
                "CURRENCY_ID": "USD" if english else "RUB",
                "SOURCE_ID": _pick(rand, _SOURCES),
                "ASSIGNED_BY_ID": owner,
                "CREATED_BY_ID": owner,
                "MODIFY_BY_ID": owner,
                "DATE_CREATE": dates[created],
                "DATE_MODIFY": dates[modified],
                "OPENED": "Y",
                "COMMENTS": "",
                "ORIGINATOR_ID": "1C" if from_1c else "",
                "ORIGIN_ID": f"{int(rand() * 1_000_000):09d}" if from_1c else "",
                "HAS_PHONE": "Y",
                "HAS_EMAIL": "Y",
                "HAS_IMOL": "N",
                "LEAD_ID": "0",
                "PHONE": [multifield("PHONE", _phone(rand, english), "WORK")],
                "EMAIL": [
                    multifield("EMAIL", f"{_pick(rand, ('info', 'sales'))}@{domain}", "WORK")
                ],
                "WEB": [multifield("WEB", f"https://{domain}", "WORK")],
            }
            table.add(row)
            self.company_titles.append(title)
            self.company_domains.append(domain)

    def add_contacts(self, total: int) -> None:
        rand, dates = self.rand, self.dates
        table = self.state.crm[CrmType.CONTACT]
        companies = len(self.company_domains)
        for number in range(1, total + 1):
            person = _person(rand)
            company = int(rand() * companies) + 1 if companies and rand() < 0.6 else 0
            created, modified = self._date_span(number, total)
            owner = str(_pick(rand, _ROW_OWNERS))
            row: Row = {
                "ID": str(number),
                "NAME": person.name,
                "SECOND_NAME": person.second_name,
                "LAST_NAME": person.last_name,
                "HONORIFIC": "",
                "POST": _pick(rand, _POSTS_EN if person.english else _POSTS_RU) if company else "",
                "TYPE_ID": _pick(rand, _CONTACT_TYPES),
                "COMPANY_ID": str(company),
                "BIRTHDATE": self._birthdate() if rand() < 0.25 else "",
                "EXPORT": "Y",
                "LEAD_ID": "0",
                "SOURCE_ID": _pick(rand, _SOURCES),
                "ASSIGNED_BY_ID": owner,
                "CREATED_BY_ID": owner,
                "MODIFY_BY_ID": owner,
                "DATE_CREATE": dates[created],
                "DATE_MODIFY": dates[modified],
                "OPENED": "Y",
                "COMMENTS": _pick(rand, _COMMENTS) if rand() < 0.1 else "",
                "ORIGINATOR_ID": "",
                "ORIGIN_ID": "",
                "HAS_PHONE": "N",
                "HAS_EMAIL": "N",
                "HAS_IMOL": "N",
            }
            self._add_channels(row, person, self.company_domains[company - 1] if company else "")
            table.add(row)
            self.contact_companies.append(row["COMPANY_ID"])

    def _birthdate(self) -> str:
        rand = self.rand
        return (
            f"{1960 + int(rand() * 45)}-{int(rand() * 12) + 1:02d}-{int(rand() * 28) + 1:02d}"
            "T00:00:00+03:00"
        )

    def add_leads(self, total: int) -> None:
        rand, dates = self.rand, self.dates
        # COMPANY_TITLE is free text, so leads name companies even on a portal without any.
        titles = self.company_titles or [f"ООО «{name}»" for name in _RU_COMPANY_NAMES]
        table = self.state.crm[CrmType.LEAD]
        contacts = len(self.contact_companies)
        for number in range(1, total + 1):
            person = _person(rand)
            status, semantic = _pick(rand, _LEAD_STATUSES)
            title, source = _pick(rand, _LEAD_TITLES_EN if person.english else _LEAD_TITLES_RU)
            created, modified = self._date_span(number, total)
            owner = str(_pick(rand, _ROW_OWNERS))
            converted = status == "CONVERTED"
            # A converted lead points at the contact it became; a returning customer at theirs.
            contact = int(rand() * contacts) + 1 if contacts and (converted or rand() < 0.06) else 0
            row: Row = {
                "ID": str(number),
                "TITLE": title.format(
                    last=person.last_name,
                    product=_pick(rand, _PRODUCTS_RU),
                    product_en=_pick(rand, _PRODUCTS_EN),
                    expo=_pick(rand, _EXPOS),
                ),
                "HONORIFIC": "",
                "NAME": person.name,
                "SECOND_NAME": person.second_name,
                "LAST_NAME": person.last_name,
                "POST": _pick(rand, _POSTS_EN if person.english else _POSTS_RU)
                if rand() < 0.3
                else "",
                "COMPANY_TITLE": _pick(rand, titles) if rand() < 0.4 else "",
                "SOURCE_ID": source,
                "STATUS_ID": status,
                "STATUS_SEMANTIC_ID": semantic,
                "OPPORTUNITY": "0.00" if status == "NEW" and rand() < 0.5 else _amount(rand),
                "CURRENCY_ID": _pick(rand, ("USD", "EUR")) if person.english else "RUB",
                "ASSIGNED_BY_ID": owner,
                "CREATED_BY_ID": owner,
                "MODIFY_BY_ID": owner,
                "DATE_CREATE": dates[created],
                "DATE_MODIFY": dates[modified],
                "DATE_CLOSED": dates[modified] if semantic != "P" else "",
                "OPENED": "Y",
                "COMMENTS": _pick(rand, _COMMENTS) if rand() < 0.15 else "",
                "ORIGINATOR_ID": "",
                "ORIGIN_ID": "",
                "CONTACT_ID": str(contact),
                "COMPANY_ID": self.contact_companies[contact - 1] if contact else "0",
                "IS_RETURN_CUSTOMER": "Y" if contact and not converted else "N",
                "HAS_PHONE": "N",
                "HAS_EMAIL": "N",
                "HAS_IMOL": "N",
            }
            self._add_channels(row, person)
            table.add(row)

    def add_deals(self, total: int) -> None:
        rand, dates = self.rand, self.dates
        table = self.state.crm[CrmType.DEAL]
        contacts, companies = len(self.contact_companies), len(self.company_domains)
        for number in range(1, total + 1):
            stage, semantic, probability = _pick(rand, _DEAL_STAGES)
            contact = int(rand() * contacts) + 1 if contacts and rand() < 0.85 else 0
            company = self.contact_companies[contact - 1] if contact else "0"
            if company == "0" and companies and rand() < 0.4:
                company = str(int(rand() * companies) + 1)
            client = self.company_titles[int(company) - 1] if company != "0" else ""
            created, modified = self._date_span(number, total)
            closes = modified if semantic != "P" else created + int(rand() * (len(dates) - created))
            owner = str(_pick(rand, _SALES_TEAM))
            title = _pick(rand, _DEAL_TITLES)
            row: Row = {
                "ID": str(number),
                "TITLE": f"{title}: {client}" if client else title,
                "TYPE_ID": _pick(rand, _DEAL_TYPES),
                "STAGE_ID": stage,
                "STAGE_SEMANTIC_ID": semantic,
                "CATEGORY_ID": "0",
                "PROBABILITY": probability,
                "CURRENCY_ID": "RUB",
                "OPPORTUNITY": _amount(rand),
                "COMPANY_ID": company,
                "CONTACT_ID": str(contact),
                "LEAD_ID": "0",
                "BEGINDATE": dates[created],
                "CLOSEDATE": dates[closes],
                "CLOSED": "N" if semantic == "P" else "Y",
                "IS_NEW": "Y" if stage == "NEW" else "N",
                "SOURCE_ID": _pick(rand, _SOURCES),
                "ASSIGNED_BY_ID": owner,
                "CREATED_BY_ID": owner,
                "MODIFY_BY_ID": owner,
                "DATE_CREATE": dates[created],
                "DATE_MODIFY": dates[modified],
                "OPENED": "Y",
                "COMMENTS": "",
                "ORIGINATOR_ID": "",
                "ORIGIN_ID": "",
            }
            table.add(row)

    def add_open_lines(self) -> None:
        state = self.state
        state.connectors = {cid: Connector(cid, title) for cid, title in CONNECTOR_TITLES.items()}
        for line_id, name, connectors in _LINES:
            state.lines[line_id] = OpenLine(line_id, name, list(connectors))

    # --- chats ------------------------------------------------------------------------------

    def add_chats(self) -> None:
        rng = self.rng
        self.state.next_chat_id = FIRST_CHAT_ID
        plans = [
            *self._lead_plans(),
            *self._contact_plans(),
            *self._company_plans(),
            *self._stranger_plans(),
        ]
        rng.shuffle(plans)
        newest = {plan.key: index for index, plan in enumerate(plans)}
        hostile_chats = rng.sample(range(len(plans)), min(len(plans), len(HOSTILE_TEXTS)))
        hostile = dict(zip(hostile_chats, HOSTILE_TEXTS, strict=False))
        # Chats open in ID order over the last four months, at least two days before "now".
        starts = sorted((rng.randrange(2 * _DAY, 120 * _DAY) for _ in plans), reverse=True)
        for index, plan in enumerate(plans):
            latest = plan.key is None or newest[plan.key] == index
            active = latest and (plan.force_active or self.rand() < 0.7)
            start = NOW - timedelta(seconds=starts[index])
            chat = self._add_chat(
                FIRST_CUSTOMER_ID + index, plan, start, active, hostile.get(index)
            )
            self._mark_bound(chat)

    def _operator_for(self, row: Row) -> int:
        owner = int(row["ASSIGNED_BY_ID"])
        return owner if owner in _OPERATORS else _pick(self.rand, _OPERATORS)

    def _connector(self) -> str:
        return _pick(self.rand, _CONNECTOR_MIX)

    def _entity_plan(
        self, crm: dict[CrmType, int], row: Row, connector: str, operator: int = 0
    ) -> _ChatPlan:
        return _ChatPlan(
            crm=crm,
            connector=connector,
            customer=(row["NAME"], row["LAST_NAME"]),
            english=row["NAME"] in _EN_FIRST_SET,
            operator=operator or self._operator_for(row),
        )

    def _lead_plans(self) -> list[_ChatPlan]:
        leads = self.state.crm[CrmType.LEAD]
        window = min(len(leads.rows), CHAT_WINDOW)
        if not window:
            return []
        first = leads.by_id[1]
        plans = [self._entity_plan(_bindings(lead=1), first, c) for c in _LEAD_ONE_CONNECTORS]
        for plan in plans:
            plan.force_active = True  # only the newest of them ends up active
        picked = self.rng.sample(range(2, window + 1), min(window - 1, _LEAD_CHATS))
        for lead_id in picked[:4]:
            row = leads.by_id[lead_id]
            row["ASSIGNED_BY_ID"] = row["MODIFY_BY_ID"] = str(RESTRICTED_ID)
            plans.append(
                self._entity_plan(_bindings(lead=lead_id), row, self._connector(), RESTRICTED_ID)
            )
        for lead_id in picked[4:6]:
            for connector in self.rng.sample(tuple(_LINE_OF), 2):
                plans.append(
                    self._entity_plan(_bindings(lead=lead_id), leads.by_id[lead_id], connector)
                )
        for lead_id in picked[6 : 6 + max(0, _LEAD_CHATS - len(plans))]:
            plans.append(
                self._entity_plan(_bindings(lead=lead_id), leads.by_id[lead_id], self._connector())
            )
        plans[-1].operator, plans[-1].force_active = ADMIN_ID, True
        return plans

    def _contact_plans(self) -> list[_ChatPlan]:
        state, rng = self.state, self.rng
        contacts = state.crm[CrmType.CONTACT]
        deals_with_contact = [
            row for row in state.crm[CrmType.DEAL].rows[:CHAT_WINDOW] if row["CONTACT_ID"] != "0"
        ]
        plans: list[_ChatPlan] = []
        used: set[int] = set()
        for deal in rng.sample(deals_with_contact, min(len(deals_with_contact), _DEAL_CHATS)):
            contact_id = int(deal["CONTACT_ID"])
            if contact_id in used:
                continue
            used.add(contact_id)
            crm = _bindings(
                deal=int(deal["ID"]), contact=contact_id, company=int(deal["COMPANY_ID"])
            )
            plans.append(self._entity_plan(crm, contacts.by_id[contact_id], self._connector()))
        window = min(len(contacts.rows), CHAT_WINDOW)
        for contact_id in rng.sample(range(1, window + 1), min(window, _CONTACT_CHATS)):
            if len(plans) == _CONTACT_CHATS:
                break
            if contact_id in used:
                continue
            row = contacts.by_id[contact_id]
            crm = _bindings(contact=contact_id, company=int(row["COMPANY_ID"]))
            plans.append(self._entity_plan(crm, row, self._connector()))
        if plans:
            plans[-1].operator, plans[-1].force_active = ADMIN_ID, True
        return plans

    def _company_plans(self) -> list[_ChatPlan]:
        total = min(len(self.state.crm[CrmType.COMPANY].rows), CHAT_WINDOW)
        plans: list[_ChatPlan] = []
        for company_id in self.rng.sample(range(1, total + 1), min(total, _COMPANY_CHATS)):
            person = _person(self.rand)
            plans.append(
                _ChatPlan(
                    crm=_bindings(company=company_id),
                    connector=_pick(self.rand, ("email", "livechat")),
                    customer=(person.name, person.last_name),
                    english=person.english,
                    operator=_pick(self.rand, _OPERATORS),
                )
            )
        return plans

    def _stranger_plans(self) -> list[_ChatPlan]:
        plans = [
            _ChatPlan(
                crm=_bindings(),
                connector=self._connector(),
                customer=(name, last),
                english=english,
                operator=_pick(self.rand, _OPERATORS),
            )
            for name, last, english in self.rng.sample(_STRANGERS, _STRANGER_CHATS)
        ]
        # With no lead yet, these are the chats where the admin can try "create lead".
        for plan in plans[:2]:
            plan.operator, plan.force_active = ADMIN_ID, True
        return plans

    def _add_chat(
        self, customer_id: int, plan: _ChatPlan, start: datetime, active: bool, hostile: str | None
    ) -> Chat:
        state, rng, rand = self.state, self.rng, self.rand
        line = state.lines[_LINE_OF[plan.connector]]
        customer = User(
            customer_id, *plan.customer, is_connector=True, date_register=start.isoformat()
        )
        state.users[customer_id] = customer
        helper = _pick(rand, [h for h in _HELPERS if h != plan.operator]) if rand() < 0.25 else 0
        with_bot = rand() < 0.2
        participants = [customer_id, plan.operator]
        participants += [helper] if helper else []
        participants += [BOT_ID] if with_bot else []
        chat = state.add_chat(
            Chat(
                id=0,
                name=f"{customer.full_name} - {line.name}",
                owner_id=plan.operator,
                date_create=start.isoformat(),
                line_id=line.id,
                connector_id=plan.connector,
                customer_id=customer_id,
                connector_chat_id=rng.randrange(1000, 99_999_999),
                crm=plan.crm,
                participants=participants,
            )
        )
        moment = start
        sessions = _pick(rand, _SESSION_COUNTS)
        scripts = rng.sample(_SCRIPTS_EN if plan.english else _SCRIPTS_RU, sessions)
        for number, script in enumerate(scripts):
            first, last = number == 0, number == sessions - 1
            if not first:
                pause = rng.randrange(3600, 20 * _DAY)
                # Cap each pause so even three sessions end before "now".
                pause = min(pause, int((NOW - moment).total_seconds() * 0.4))
                moment += timedelta(seconds=pause)
            operator = plan.operator if last else _pick(rand, _FORMER_OPERATORS)
            closed = not (last and active)
            state.add_session(chat, operator, moment.isoformat(), closed)
            lines = self._dialogue(
                plan,
                script,
                customer_id,
                operator,
                helper=helper if last else 0,
                bot=with_bot and first,
                hostile=hostile if first else None,
                closed=closed,
            )
            moment = self._post(chat, lines, moment)
        return chat

    def _dialogue(
        self,
        plan: _ChatPlan,
        script: Sequence[ScriptLine],
        customer_id: int,
        operator_id: int,
        *,
        helper: int,
        bot: bool,
        hostile: str | None,
        closed: bool,
    ) -> list[DialogueLine]:
        rand, users = self.rand, self.state.users
        count = 3 + int(rand() * (min(15, len(script)) - 2))
        if closed and count % 2:
            count += 1 if count < len(script) else -1  # a closed session ends on an answer
        operator_name = users[operator_id].name
        fill = {
            "name": plan.customer[0],
            "op": _latin(operator_name).capitalize() if plan.english else operator_name,
            "order": f"{int(rand() * 90_000) + 10_000}",
            "portal": self.base_url,
        }
        lines: list[DialogueLine] = [(0, "Диалог начат", "")]
        for index, entry in enumerate(script[:count]):
            text, kind = (entry, "") if isinstance(entry, str) else entry
            author = operator_id if index % 2 else customer_id
            lines.append((author, text.format(**fill), kind))
        if hostile:
            lines.insert(2, (customer_id, hostile, ""))
        if bot:
            greeting = _BOT_GREETING_EN if plan.english else _BOT_GREETING_RU
            lines.insert(2, (BOT_ID, greeting, ""))
        if helper:
            lines[4:4] = [(0, _joined(users[helper]), ""), (helper, _pick(rand, _HELPER_LINES), "")]
        if closed:
            lines.append((0, "Сессия завершена", ""))
        return lines

    def _post(self, chat: Chat, lines: list[DialogueLine], moment: datetime) -> datetime:
        for author, text, kind in lines:
            moment += timedelta(seconds=15 + int(self.rand() * 300))
            date = moment.isoformat()
            file_ids = [self._attach(chat, author, kind, date)] if kind else []
            self.state.add_message(chat, author, text, date, file_ids)
        return moment

    def _attach(self, chat: Chat, author: int, kind: str, date: str) -> int:
        rng = self.rng
        if kind == "photo":
            width, height = _pick(self.rand, ((1280, 960), (960, 1280), (1920, 1080), (1080, 1920)))
            name, size = f"photo_{date[:10]}.jpg", rng.randrange(80_000, 900_000)
            info = FileInfo(0, chat.id, name, "image", "jpg", size, author, date, width, height)
        else:
            size = rng.randrange(120_000, 400_000)
            info = FileInfo(0, chat.id, "Договор.pdf", "file", "pdf", size, author, date)
        return self.state.add_file(info).id

    def _mark_bound(self, chat: Chat) -> None:
        """Give every entity bound to the chat its IM link, as Bitrix24 does on binding."""
        last_date = chat.messages[-1].date
        for crm_type, crm_id in chat.crm.items():
            if not crm_id:
                continue
            row = self.state.crm[crm_type].by_id[crm_id]
            # Same offset everywhere, so ISO strings compare in time order.
            row["DATE_MODIFY"] = max(row["DATE_MODIFY"], last_date)
            if crm_type is CrmType.DEAL:
                continue  # deals have no communication fields
            row["HAS_IMOL"] = "Y"
            link = self.state.multifield("IM", f"imol|{chat.entity_id}", "OPENLINE")
            row.setdefault("IM", []).append(link)
            if crm_type is CrmType.LEAD and len(row["IM"]) == 1:
                row["TITLE"] = chat.name  # a lead made from a dialogue is named after the chat

    def add_group_chat(self) -> None:
        """An ordinary group chat, so that Open-Lines-only methods have a CHAT_TYPE case."""
        state = self.state
        start = NOW - timedelta(days=3, hours=5)
        chat = state.add_chat(
            Chat(
                id=0,
                name="Отдел продаж",
                owner_id=2,
                date_create=start.isoformat(),
                chat_type="chat",
                crm=_bindings(),
                participants=list(_SALES_TEAM),
            )
        )
        moment = start
        for author, text in _GROUP_TALK:
            moment += timedelta(seconds=self.rng.randrange(60, 3600))
            state.add_message(chat, author, text, moment.isoformat())


def build_state(
    seed: int = 42,
    leads: int = 300,
    deals: int = 120,
    contacts: int = 200,
    companies: int = 60,
    base_url: str = "http://127.0.0.1",
) -> PortalState:
    """A portal full of demo data; the same arguments always give the same state."""
    seeder = _Seeder(seed, base_url)
    seeder.add_credentials()
    seeder.add_staff()
    seeder.add_companies(companies)
    seeder.add_contacts(contacts)
    seeder.add_leads(leads)
    seeder.add_deals(deals)
    seeder.add_open_lines()
    seeder.add_chats()
    seeder.add_group_chat()
    return seeder.state
