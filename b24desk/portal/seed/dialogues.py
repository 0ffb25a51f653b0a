"""What customers, operators, bots and colleagues say in the demo chats."""

from __future__ import annotations

ScriptLine = str | tuple[str, str]  # text, or (text, attached file kind)

# Placeholders: {name} customer's first name, {op} operator's, {order}, {portal} the base URL.
# Lines alternate customer, operator, customer, ...; a session plays the first 3-15 of them.
SCRIPTS_RU: tuple[tuple[ScriptLine, ...], ...] = (
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
SCRIPTS_EN: tuple[tuple[ScriptLine, ...], ...] = (
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
BOT_GREETING_RU = (
    "Здравствуйте! Я виртуальный помощник. Оператор подключится через пару минут.[br]"
    "Пока можно посмотреть [url=https://example.com/faq]ответы на частые вопросы[/url]."
)
BOT_GREETING_EN = (
    "Hi! I'm a virtual assistant. An operator will join in a couple of minutes.[br]"
    "Meanwhile, see our [url=https://example.com/faq]FAQ[/url]."
)
HELPER_LINES = (
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
GROUP_TALK = (
    (2, "Коллеги, планёрка завтра в 10:00, [b]без опозданий[/b]"),
    (3, "Принято"),
    (9, "I'll join remotely"),
    (4, "Выгрузку из 1С обновил, цифры в отчёте актуальные"),
)
