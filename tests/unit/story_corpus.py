"""Hand-written articles for calibrating and testing story grouping (reader.stories).

Each entry: (event, title, date or None, source, body). Entries with the same ``event`` are the
same story told by different outlets, in their own words; entries on different events must never
be grouped, including the same-topic-different-event cases (two central banks deciding on rates
the same week, two earthquakes, a NATO summit months after the seed talks).
"""

from __future__ import annotations

STORY_CORPUS: list[tuple[str, str, str | None, str, str]] = [
    (
        "quake-turkey",
        "Thousands dead as powerful earthquake strikes Turkey and Syria",
        "2023-02-06",
        "World Desk",
        """A magnitude 7.8 earthquake struck southern Turkey and northern Syria before dawn on
Monday, toppling thousands of buildings and killing more than 2,300 people, officials said.

The quake was centred near the city of Gaziantep and was followed by a second powerful
tremor of magnitude 7.5 in the afternoon. Rescuers in Hatay and Kahramanmaras dug through
the rubble with their hands in freezing rain.

President Recep Tayyip Erdogan declared seven days of national mourning and said 45
countries had offered help. In Syria, the White Helmets said entire neighbourhoods in
Idlib province had collapsed.""",
    ),
    (
        "quake-turkey",
        "Rescuers race against cold after Turkey-Syria quake kills over 2,000",
        "2023-02-06",
        "Daily Courier",
        """Emergency teams searched collapsed apartment blocks through the night after a 7.8
magnitude quake hit Turkey and Syria, with the death toll climbing above 2,000 on Monday.

The epicentre was close to Gaziantep, a city of two million people near the Syrian border.
A second large quake, measured at 7.5, struck hours later, further damaging buildings in
Kahramanmaras and Hatay.

Turkey's president, Recep Tayyip Erdogan, announced a week of national mourning. Aid groups
in north-west Syria, including the White Helmets, warned that people were trapped under
rubble in Idlib with temperatures below freezing.""",
    ),
    (
        "quake-morocco",
        "Morocco earthquake kills more than 2,000 in Atlas mountains",
        "2023-09-09",
        "World Desk",
        """A magnitude 6.8 earthquake struck Morocco's High Atlas mountains late on Friday,
killing more than 2,000 people and flattening villages south of Marrakech, the interior
ministry said.

The epicentre was near Ighil in Al Haouz province. Many of the dead were in remote mountain
villages built of mud brick, where rescuers struggled to reach survivors along roads blocked
by rockfalls.

King Mohammed VI declared three days of national mourning. In Marrakech, cracks appeared in
the walls of the old medina and residents slept in the streets for fear of aftershocks.""",
    ),
    (
        "fed-june-2023",
        "Fed holds interest rates steady but signals more hikes to come",
        "2023-06-14",
        "Market Wire",
        """The US Federal Reserve left its benchmark interest rate unchanged on Wednesday,
pausing after ten consecutive increases, but policymakers signalled that two more hikes
could come this year.

The Federal Open Market Committee kept the federal funds rate in a range of 5 to 5.25 per
cent. Chair Jerome Powell told reporters in Washington that inflation had moderated but that
the committee needed more time to judge the effect of past increases.

Stocks on Wall Street fell after the projections were published, and Treasury yields rose.""",
    ),
    (
        "ecb-june-2023",
        "ECB raises rates again and says it is not thinking about pausing",
        "2023-06-15",
        "Market Wire",
        """The European Central Bank raised its key interest rates by a quarter point on
Thursday, its eighth consecutive increase, taking the deposit rate to 3.5 per cent, the
highest in 22 years.

ECB President Christine Lagarde said in Frankfurt that another hike in July was very likely
because inflation in the eurozone was still too high. The bank also raised its forecasts for
core inflation for this year and next.

The euro rose against the dollar after the announcement, a day after the Federal Reserve
decided to pause.""",
    ),
    (
        "ecb-june-2023",
        "Lagarde signals July hike after ECB lifts deposit rate to 3.5%",
        "2023-06-15",
        "Euro Business Daily",
        """Christine Lagarde said the European Central Bank still had ground to cover after it
lifted its deposit rate by 25 basis points to 3.5 per cent on Thursday, the highest level
since 2001.

Speaking at a press conference in Frankfurt, the ECB president said a further increase in
July was very likely unless the outlook changed materially. Staff projections showed core
inflation in the eurozone averaging 5.1 per cent this year.

It was the eighth rate rise in a row for the euro area. The euro gained against the dollar
as markets priced in more tightening.""",
    ),
    (
        "ucl-final-2023",
        "Manchester City beat Inter to win first Champions League title",
        "2023-06-10",
        "Sports Today",
        """Manchester City won the Champions League for the first time after Rodri's second-half
goal gave them a 1-0 win over Inter Milan in Istanbul on Saturday.

The Spanish midfielder swept in a low shot in the 68th minute at the Ataturk Olympic
Stadium. Inter had chances to equalise, with Romelu Lukaku denied by Ederson in the closing
minutes.

The victory completed a treble for Pep Guardiola's side, who had already won the Premier
League and the FA Cup.""",
    ),
    (
        "maui-fire-2023",
        "Maui wildfire death toll rises as Lahaina lies in ruins",
        "2023-08-11",
        "Pacific News",
        """The death toll from the wildfire that destroyed the historic town of Lahaina on the
Hawaiian island of Maui rose to 55 on Friday, making it the deadliest disaster in the state's
history since it joined the union.

Governor Josh Green said more than 1,700 buildings had burned. Winds from a passing hurricane
fanned the flames, and many residents fled into the ocean to escape.

Officials warned the number of dead would rise as search teams with cadaver dogs went through
the ashes of Front Street.""",
    ),
    (
        "vision-pro-2023",
        "Apple unveils Vision Pro headset priced at $3,499",
        "2023-06-05",
        "Tech Review",
        """Apple on Monday unveiled the Vision Pro, a mixed-reality headset that the company calls
its first spatial computer, at its Worldwide Developers Conference in Cupertino.

Chief executive Tim Cook said the device would go on sale early next year in the United
States for $3,499. It is controlled with the eyes, hands and voice and runs a new operating
system called visionOS.

Analysts said the high price would limit early sales but that the launch marked Apple's
biggest new product category since the Apple Watch.""",
    ),
    (
        "brazil-election-2022",
        "Lula defeats Bolsonaro to win Brazil's presidency",
        "2022-10-30",
        "Americas Report",
        """Luiz Inacio Lula da Silva won Brazil's presidential run-off on Sunday, defeating the
incumbent Jair Bolsonaro by a narrow margin of 50.9 per cent to 49.1 per cent, the electoral
court said.

The victory marks a remarkable comeback for the leftist former president, who was jailed in
2018 on corruption convictions that were later annulled. Supporters celebrated on Avenida
Paulista in Sao Paulo.

Bolsonaro did not immediately concede. Lula will take office on 1 January.""",
    ),
    (
        "nato-madrid-2022",
        "NATO invites Finland and Sweden to join at Madrid summit",
        "2022-06-29",
        "World Desk",
        """NATO leaders formally invited Finland and Sweden to join the alliance on Wednesday at
a summit in Madrid, after Turkey dropped its objections in a deal reached the night before.

Secretary-General Jens Stoltenberg said the alliance would also raise the number of troops
on high readiness to more than 300,000 and named Russia the most significant and direct
threat to allied security.

US President Joe Biden announced a permanent army headquarters in Poland. Russia's deputy
foreign minister said Moscow would respond to any expansion of NATO infrastructure.""",
    ),
    (
        "ukraine-invasion-2022",
        "Russia launches full-scale invasion of Ukraine",
        "2022-02-24",
        "World Desk",
        """Russian forces launched a full-scale invasion of Ukraine before dawn on Thursday,
with missile strikes on cities including Kyiv and Kharkiv and troops crossing the border
from Belarus and Crimea.

In a televised address, Vladimir Putin announced what he called a special military operation
and warned other countries not to interfere. President Volodymyr Zelensky declared martial
law and urged Ukrainians to stay calm.

Western leaders condemned the attack and promised severe sanctions. Oil prices jumped above
$100 a barrel.""",
    ),
    (
        "boe-august-2023",
        "Bank of England raises rates to 5.25%, highest since 2008",
        "2023-08-03",
        "Market Wire",
        """The Bank of England raised interest rates by a quarter point to 5.25 per cent on
Thursday, its 14th consecutive increase, and warned that borrowing costs would stay high for
some time.

Governor Andrew Bailey said inflation in the UK was falling but remained far above the
2 per cent target. Six members of the Monetary Policy Committee voted for the increase.

Mortgage holders face higher repayments, and the pound slipped against the dollar after the
decision.""",
    ),
]
