import datetime
from guide.model import School, Office, Phone

SCHOOL = School(
    name="Escuelas de Educación Media Superior de Oaxaca",
    short_name="EMS Oaxaca",
    level="media superior",
    state="Oaxaca",
    logo_svg='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="8" fill="#8a1538"/><text x="24" y="31" font-size="18" text-anchor="middle" fill="#fff" font-family="sans-serif">OAX</text></svg>',
    primary_color="#8a1538",
    accent_color="#b38e5d",
    offices=[Office(name="Control Escolar del plantel", role="afiliación", address="En tu plantel o Centro de Educación Abierta")],
    steps=["obtener-nss", "entregar-nss", "alta-clinica", "verificar-vigencia"],
    reviewed=datetime.date(2026, 11, 23),
)
