FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# Production settings (DEBUG=0) so the static manifest is written; any error fails the build.
RUN PYTHON=python sh scripts/build_static.sh
EXPOSE 8000
CMD ["gunicorn", "-c", "python:jobboard.gunicorn_conf", "jobboard.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
